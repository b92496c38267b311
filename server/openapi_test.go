package server

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"sitrep/event"
	"sitrep/export"
)

// openapiDoc is the part of the OpenAPI document the tests read.
type openapiDoc struct {
	OpenAPI string `json:"openapi"`
	Paths   map[string]map[string]struct {
		Parameters []struct {
			Ref    string `json:"$ref"`
			Name   string `json:"name"`
			In     string `json:"in"`
			Schema struct {
				Enum []string `json:"enum"`
			} `json:"schema"`
		} `json:"parameters"`
		Responses map[string]json.RawMessage `json:"responses"`
	} `json:"paths"`
	Components struct {
		Parameters map[string]struct {
			Name   string `json:"name"`
			Schema struct {
				Enum []string `json:"enum"`
			} `json:"schema"`
		} `json:"parameters"`
	} `json:"components"`
}

func readOpenAPI(t *testing.T) *openapiDoc {
	t.Helper()
	var doc openapiDoc
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		t.Fatalf("openapi.json: version %q, want 3.1.x", doc.OpenAPI)
	}
	return &doc
}

// TestOpenAPIRoutes checks that the document describes every route the
// mux serves, and no other.
func TestOpenAPIRoutes(t *testing.T) {
	doc := readOpenAPI(t)
	served := map[string]bool{}
	for _, rt := range routes {
		served[strings.ToLower(rt.method)+" "+rt.path] = true
		ops, ok := doc.Paths[rt.path]
		if !ok {
			t.Errorf("route %s %s: not in openapi.json", rt.method, rt.path)
			continue
		}
		op, ok := ops[strings.ToLower(rt.method)]
		if !ok {
			t.Errorf("route %s %s: method not in openapi.json", rt.method, rt.path)
		}
		if _, ok := op.Responses["200"]; !ok {
			t.Errorf("route %s %s: no 200 response documented", rt.method, rt.path)
		}
		for _, p := range op.Parameters {
			if p.In == "path" && !strings.Contains(rt.path, "{"+p.Name+"}") {
				t.Errorf("route %s %s: documents path parameter %q it does not have", rt.method, rt.path, p.Name)
			}
		}
	}
	for path, ops := range doc.Paths {
		for method := range ops {
			if !served[method+" "+path] {
				t.Errorf("openapi.json documents %s %s, which is not served", strings.ToUpper(method), path)
			}
		}
	}
}

// TestOpenAPIParameters checks that each endpoint documents exactly the
// query parameters it accepts, and that enumerations follow the code.
func TestOpenAPIParameters(t *testing.T) {
	doc := readOpenAPI(t)
	query := func(path string) []string {
		var names []string
		for _, p := range doc.Paths[path]["get"].Parameters {
			name, in := p.Name, p.In
			if ref, ok := strings.CutPrefix(p.Ref, "#/components/parameters/"); ok {
				c, found := doc.Components.Parameters[ref]
				if !found {
					t.Errorf("%s: $ref %s not in components", path, p.Ref)
				}
				name, in = c.Name, "query"
			}
			if in == "query" {
				names = append(names, name)
			}
		}
		slices.Sort(names)
		return names
	}
	sorted := func(s ...[]string) []string {
		out := slices.Concat(s...)
		slices.Sort(out)
		return out
	}
	for path, want := range map[string][]string{
		"/api/events":        sorted(filterParams, pageParams),
		"/api/stats":         sorted(filterParams),
		"/api/export":        sorted(filterParams, []string{"format"}),
		"/api/events/{id}":   nil,
		"/api/articles/{id}": nil,
		"/api/openapi.json":  nil,
		"/healthz":           nil,
	} {
		if got := query(path); !slices.Equal(got, want) {
			t.Errorf("%s documents query parameters %v, accepts %v", path, got, want)
		}
	}
	var formats []string
	for _, f := range exportFormats {
		formats = append(formats, string(f.name))
	}
	for _, p := range doc.Paths["/api/export"]["get"].Parameters {
		if p.Name == "format" && !slices.Equal(p.Schema.Enum, formats) {
			t.Errorf("format enum %v, want %v", p.Schema.Enum, formats)
		}
	}
	var known []string
	for _, f := range export.Formats() {
		known = append(known, string(f))
	}
	if !slices.Equal(formats, known) {
		t.Errorf("server serves formats %v, export has %v", formats, known)
	}
	if got, want := doc.Components.Parameters["plover"].Schema.Enum, event.PloverTypes(); !slices.Equal(got, want) {
		t.Errorf("plover enum %v, want %v", got, want)
	}
}

// TestOpenAPIRefs checks that every $ref points at something in the
// document.
func TestOpenAPIRefs(t *testing.T) {
	var doc any
	if err := json.Unmarshal(openapiJSON, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				if !resolves(doc, ref) {
					t.Errorf("$ref %s does not resolve", ref)
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
}

func resolves(doc any, ref string) bool {
	path, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return false
	}
	for _, key := range strings.Split(path, "/") {
		m, ok := doc.(map[string]any)
		if !ok {
			return false
		}
		if doc, ok = m[key]; !ok {
			return false
		}
	}
	return true
}
