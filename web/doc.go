// Package web is the analyst's web page that `sitrep serve` shows at /:
// a map of the events, a timeline, filters kept in the URL, the event list
// and detail with the evidence sentence marked up, the article view with
// every annotation and the article's copies and sources, and the actor
// network.
//
// The page is plain HTML, CSS and JavaScript modules in static/, embedded
// with embed.FS and served as they are (gzipped when the browser takes
// it): there is no build step and no third-party script. The world map,
// static/world.json, is Natural Earth's 1:50m country boundaries (public
// domain) converted by gen.go (web/internal/worldgen): shared borders
// stored once as arcs, simplified to about 1 km and quantized, 400 kB or
// 145 kB gzipped. The page draws it on a canvas in Web Mercator itself.
//
// The page reads the store through the API of package server (/api/events,
// /api/events/{id}, /api/articles/{id}) and through the endpoints this
// package adds under /ui/ (outside /api/, which is the server's), which
// aggregate on the server so that the page stays fast however many events
// there are:
//
//   - GET /ui/map?bbox=&zoom=&…filters: the events in view grouped in a
//     grid of cells about 44 pixels wide at that zoom, each with its
//     count, reports, dominant quad class and PLOVER type, centroid and
//     bounds ([MapView]);
//   - GET /ui/timeline?…filters: events per day by quad class and PLOVER
//     type, over all dates so that the brush can widen the range
//     ([Timeline]);
//   - GET /ui/network?…filters: the busiest actors and who acts on whom
//     ([Network]);
//   - GET /ui/types: the CAMEO roots, quad classes and PLOVER types the
//     filters offer ([Types]).
//   - GET /ui/copies?article=ID: the other articles of the article's
//     family of copies, each with its relation (original, exact copy,
//     reprint, stitched) ([Copies]); the store has no query for this, so
//     the family index is read from store.Mentions once per change of
//     the store.
//
// The first three take the filters of /api/events, read by
// server.ParseFilter. Their aggregates come from one pass of
// store.EachEvent per combination of filters, summarized to a few numbers
// per distinct place, day and actor pair, and cached until the store's
// counts change, so panning and zooming the map does not read the store
// again.
//
// Bad parameters get 400 with {"error": message}, and the page shows the
// message: a bad URL never gives a blank page, and an unknown path gets a
// page that says so.
package web

//go:generate go run gen.go -shared ../../shared
