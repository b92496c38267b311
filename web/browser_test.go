package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"sitrep/internal/testshared"
	"sitrep/store"
	"sitrep/store/storetest"
)

// The browser tests drive Debian's chromium headless through the page
// served by the API with this UI, on a SQLite store. They skip when no
// chromium is installed (.ci/run installs it). Screenshots go to a temp
// dir and their paths are logged.

// browser starts a headless chromium and returns a tab's context, and the
// JavaScript errors the tab has thrown so far.
func browser(t *testing.T) (context.Context, func() []string) {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("no chromium: install it (apt-get install chromium) to run the browser tests")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1400, 1100))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	var mu sync.Mutex
	var errs []string
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			mu.Lock()
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			errs = append(errs, fmt.Sprintf("%s:%d: %s", d.URL, d.LineNumber+1, msg))
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	return ctx, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), errs...) }
}

// page wraps a tab on the test server.
type page struct {
	t    *testing.T
	ctx  context.Context
	ts   *httptest.Server
	dir  string
	errs func() []string
}

// newPage serves st and opens a tab. Screenshots go to a temp dir, or to
// $SITREP_SCREENSHOTS when it names one (to keep them).
func newPage(t *testing.T, st store.Store) *page {
	ctx, errs := browser(t)
	dir := os.Getenv("SITREP_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	return &page{t: t, ctx: ctx, ts: serve(t, st), dir: dir, errs: errs}
}

func (p *page) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.t.Fatalf("%s: %v (JavaScript errors: %q)", what, err, p.errs())
	}
}

// open loads path and waits for the page's first loads to finish.
func (p *page) open(path string) {
	p.t.Helper()
	p.do("open "+path, chromedp.Navigate(p.ts.URL+path))
	p.idle("open " + path)
}

// idle waits until the page has drawn and has nothing loading.
func (p *page) idle(what string) {
	p.t.Helper()
	p.waitFor(what, `!!document.body.dataset.ready && !document.body.dataset.busy`)
}

// waitFor polls a JavaScript predicate.
func (p *page) waitFor(what, js string) {
	p.t.Helper()
	if _, err := chromedp.Run(p.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		p.t.Fatalf("%s: waiting for %s: %v (JavaScript errors: %q)", what, js, err, p.errs())
	}
}

func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	return v
}

func (p *page) shot(name string) {
	p.t.Helper()
	b, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(p.dir, name+".png")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		p.t.Fatal(err)
	}
	p.t.Logf("screenshot: %s", path)
}

func (p *page) noErrors() {
	p.t.Helper()
	if errs := p.errs(); len(errs) > 0 {
		p.t.Errorf("JavaScript errors: %q", errs)
	}
}

// texts returns the text of every element a CSS selector matches.
func texts(p *page, sel string) []string {
	return eval[[]string](p, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => e.textContent)`, sel))
}

func TestBrowser(t *testing.T) {
	ins := testData(30)
	p := newPage(t, openStore(t, ins))
	daraa, reprint := ins[0].Article.Meta.ID, ins[1].Article.Meta.ID

	// The overview: points on the map, the list, the timeline, the network.
	p.open("/")
	points := eval[int](p, `document.querySelectorAll('#map-points .pt').length`)
	onMap := eval[int](p, `[...document.querySelectorAll('#map-points .pt')].reduce((a, e) => a + +e.dataset.count, 0)`)
	var mv MapView
	get(t, p.ts, "/ui/map?zoom=0", http.StatusOK, &mv)
	if points == 0 || onMap != mv.Total-mv.Unlocated {
		t.Errorf("the world map shows %d points holding %d events; %d events have a place", points, onMap, mv.Total-mv.Unlocated)
	}
	if n := eval[int](p, `document.querySelectorAll('#event-list li button').length`); n != min(50, mv.Total) {
		t.Errorf("the list shows %d events of %d", n, mv.Total)
	}
	if n := eval[int](p, `document.querySelectorAll('#timeline rect').length`); n == 0 {
		t.Error("the timeline has no bars")
	}
	if n := eval[int](p, `document.querySelectorAll('#network .node').length`); n == 0 {
		t.Error("the network has no nodes")
	}
	p.shot("1-overview")

	// Filter by actor and dates with the form; the URL keeps them.
	const from, to = "2024-03-01", "2024-03-31"
	p.do("filter",
		chromedp.SetValue(chromedp.ID("f-actor"), "syrgov"),
		chromedp.SetValue(chromedp.ID("f-from"), from),
		chromedp.SetValue(chromedp.ID("f-to"), to),
		chromedp.Click(chromedp.CSS(`#filters button[type=submit]`)))
	p.waitFor("filter", `location.search.includes('actor=SYRGOV') && location.search.includes('from=2024-03-01')`)
	p.idle("filter")
	want := countEvents(t, p.ts, "actor=SYRGOV&from="+from+"&to="+to)
	rows := texts(p, "#event-list li button")
	if len(rows) != min(want, 50) || want == 0 {
		t.Errorf("filtered list: %d rows, the API has %d events", len(rows), want)
	}
	for _, r := range rows {
		if !strings.Contains(r, "SYRGOV") {
			t.Errorf("filtered list row without SYRGOV: %q", r)
		}
		if i := strings.Index(r, "2024-"); i < 0 || r[i:i+10] < from || r[i:i+10] > to {
			t.Errorf("filtered list row outside %s to %s: %q", from, to, r)
		}
	}
	if s := eval[string](p, `document.getElementById('map-status').textContent`); !strings.Contains(s, fmt.Sprint(want)) {
		t.Errorf("map status %q does not count %d events", s, want)
	}
	p.shot("2-filtered")

	// Open the Daraa shelling: the triple, the marked evidence, two reports.
	var page1 struct{ Events []store.Event }
	get(t, p.ts, "/api/events?q=shelled&actor=SYRGOV", http.StatusOK, &page1)
	if len(page1.Events) != 1 {
		t.Fatalf("the Daraa shelling: %d events", len(page1.Events))
	}
	id := page1.Events[0].ID
	p.do("open the event", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#event-list button[data-id=%q]`, id))))
	p.waitFor("event", `!!document.querySelector('#evidence mark.verb')`)
	p.idle("event")
	marks := eval[map[string][]string](p, `(() => { const m = {}; for (const e of document.querySelectorAll('#evidence mark')) for (const c of e.classList) (m[c] = m[c] || []).push(e.textContent); return m; })()`)
	if got := fmt.Sprint(marks["verb"], marks["actor"], marks["place"]); got != "[shelled] [Syrian government forces rebel positions] [Daraa]" {
		t.Errorf("evidence marks: %v", marks)
	}
	if s := eval[string](p, `document.getElementById('triple').textContent`); !strings.Contains(s, "SYRGOV") || !strings.Contains(s, "SYRREB") || !strings.Contains(s, "195") {
		t.Errorf("triple: %q", s)
	}
	if s := eval[string](p, `document.getElementById('mention-count').textContent`); !strings.HasPrefix(s, "2 mentions") {
		t.Errorf("mention count: %q", s)
	}
	links := eval[[]string](p, `[...document.querySelectorAll('#mentions > li > a:first-child')].map(a => a.getAttribute('href'))`)
	if len(links) != 2 || !strings.Contains(strings.Join(links, " "), daraa) || !strings.Contains(strings.Join(links, " "), reprint) {
		t.Errorf("links to the reports: %q", links)
	}
	if !strings.Contains(eval[string](p, `location.search`), "event="+id) {
		t.Error("the URL does not name the open event")
	}
	p.shot("3-event")

	// Open the article: every annotation marked, its reprint listed.
	p.do("open the article", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#mentions a[href="/?article=%s"]`, daraa))))
	p.waitFor("article", `!!document.querySelector('#article-body mark') && !document.body.dataset.busy`)
	marks = eval[map[string][]string](p, `(() => { const m = {}; for (const e of document.querySelectorAll('#article-body mark')) for (const c of e.classList) (m[c] = m[c] || []).push(e.textContent); return m; })()`)
	for cls, want := range map[string]string{"verb": "shelled", "actor": "Syrian government forces", "place": "Daraa",
		"count": "at least 12 people were killed", "quote": "\"We will respond,\""} {
		if !strings.Contains(strings.Join(marks[cls], "|"), want) {
			t.Errorf("article marks %s: %q, want %q", cls, marks[cls], want)
		}
	}
	if s := eval[string](p, `document.getElementById('provenance').textContent`); !strings.Contains(s, "a reprint") || !strings.Contains(s, "Syrian army shells rebels in Daraa") {
		t.Errorf("provenance of the original: %q", s)
	}
	p.shot("4-article")

	// The reprint says what it copied and from where.
	p.do("open the reprint", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#copies a[href="/?article=%s"]`, reprint))))
	p.waitFor("reprint", `location.search.includes('article=`+reprint+`') && !!document.querySelector('#article-body mark.copied') && !document.body.dataset.busy`)
	if s := eval[string](p, `document.getElementById('provenance').textContent`); !strings.Contains(s, "A reprint of") || !strings.Contains(s, "sentence 2 from its 2") {
		t.Errorf("provenance of the reprint: %q", s)
	}
	p.shot("5-reprint")

	// Back twice: the event again, then the filtered overview.
	p.do("back", chromedp.NavigateBack())
	p.do("back", chromedp.NavigateBack())
	p.waitFor("back to the event", `!document.getElementById('overview').hidden && !!document.querySelector('#evidence mark.verb')`)
	if v := eval[string](p, `document.getElementById('f-actor').value`); v != "SYRGOV" {
		t.Errorf("back: the actor field holds %q", v)
	}

	// Southern Syria, zoomed by the URL and the keyboard.
	p.open("/?map=36.3,32.8,8")
	labels := eval[[]string](p, `[...document.querySelectorAll('#map-points .pt')].map(e => e.getAttribute('aria-label'))`)
	if len(labels) != 1 || !strings.HasPrefix(labels[0], "Daraa") {
		t.Errorf("southern Syria shows %q, want Daraa alone", labels)
	}
	p.shot("6-southern-syria")
	p.do("zoom in with +", chromedp.Focus(chromedp.ID("map")), chromedp.KeyEvent("+"))
	p.waitFor("zoom in", `location.search.includes(',9.00')`)
	p.do("focus the point", chromedp.KeyEvent("\t"))
	if s := eval[string](p, `document.activeElement.getAttribute('aria-label') || ''`); !strings.HasPrefix(s, "Daraa") {
		t.Errorf("Tab from the map focuses %q, want the Daraa point", s)
	}

	// Brush the timeline to set the dates.
	p.open("/")
	box := eval[[]float64](p, `(() => { const r = document.getElementById('timeline').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	y := box[1] + box[3]/2
	p.do("brush", chromedp.DragAndDropXY(box[0]+box[2]*0.3, y, box[0]+box[2]*0.6, y))
	p.waitFor("brush", `location.search.includes('from=') && location.search.includes('to=')`)
	p.idle("brush")
	q := eval[string](p, `location.search`)
	f, tt := eval[string](p, `document.getElementById('f-from').value`), eval[string](p, `document.getElementById('f-to').value`)
	if f == "" || tt == "" || f >= tt || !strings.Contains(q, "from="+f) {
		t.Errorf("brushed range %q to %q, URL %s", f, tt, q)
	}
	p.shot("7-brushed")

	// Bad parameters: a message, and the page still works.
	p.open("/?actor=SYR-GOV&from=2024-02-30&zoom=3&color=pink&map=500,1,1")
	msg := eval[string](p, `document.getElementById('message').hidden ? '' : document.getElementById('message').textContent`)
	for _, want := range []string{"Bad actor", "Bad from", "Unknown parameter “zoom”", "Bad color", "Bad map"} {
		if !strings.Contains(msg, want) {
			t.Errorf("bad URL: the message %q lacks %q", msg, want)
		}
	}
	if n := eval[int](p, `document.querySelectorAll('#map-points .pt').length`); n == 0 {
		t.Error("bad URL: no points on the map")
	}
	p.shot("8-bad-url")
	p.open("/?event=nope")
	if s := eval[string](p, `document.getElementById('detail-body').textContent`); !strings.Contains(s, "There is no event nope") {
		t.Errorf("a missing event: %q", s)
	}
	p.open("/?article=nope")
	if s := eval[string](p, `document.getElementById('article').textContent`); !strings.Contains(s, "There is no article nope") {
		t.Errorf("a missing article: %q", s)
	}
	p.do("open a missing page", chromedp.Navigate(p.ts.URL+"/no/such/page"))
	if s := eval[string](p, `document.body.textContent`); !strings.Contains(s, "Not found") {
		t.Errorf("a missing page: %q", s)
	}
	p.noErrors()
}

// TestBrowserSlow measures the first render of the page over 100,000
// events with the browser's own clock (performance.now() when the map,
// timeline, list and network have drawn, from the start of navigation).
// It logs the figures and checks only that everything drew.
func TestBrowserSlow(t *testing.T) {
	testshared.Slow(t)
	start := time.Now()
	var ins []*store.Ingest
	for first := 0; first < 51000; first += 3000 {
		ins = append(ins, storetest.Synthetic(11, first, 3000, 2)...)
	}
	st := openStore(t, ins)
	sum, err := st.Summary(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stored %d articles, %d events in %v", sum.Articles, sum.Events, time.Since(start).Round(time.Millisecond))
	if sum.Events < 100000 {
		t.Fatalf("only %d events", sum.Events)
	}
	p := newPage(t, st)
	for _, c := range []struct{ name, path string }{
		{"cold", "/"}, {"warm", "/"}, {"filtered, cold", "/?actor=SYRGOV&from=2024-03-01&to=2024-05-31"}, {"southern Syria", "/?map=36.3,32.8,8"},
	} {
		p.open(c.path)
		ready := eval[float64](p, `+document.body.dataset.ready`)
		res := eval[map[string]float64](p, `Object.fromEntries(performance.getEntriesByType('resource').filter(e => e.name.includes('/ui/') || e.name.includes('/api/')).map(e => [new URL(e.name).pathname, Math.round(e.duration)]))`)
		n := eval[int](p, `document.querySelectorAll('#map-points .pt').length`)
		t.Logf("%s %s: first render %.0f ms (requests, ms: %v); %d points", c.name, c.path, ready, res, n)
		if n == 0 {
			t.Errorf("%s: no points", c.name)
		}
	}
	p.shot("100k")
	p.noErrors()
}
