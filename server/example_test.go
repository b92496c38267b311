package server_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"

	"sitrep/server"
	"sitrep/store/sqlite"
	"sitrep/store/storetest"
)

func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "sitrep")
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "sitrep.db"), sqlite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()
	for _, in := range storetest.Fixtures() {
		if _, err := st.Put(ctx, in); err != nil {
			fmt.Println(err)
			return
		}
	}
	h := server.New(st, server.Options{})

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/events?plover=ASSAULT&country=SYR&limit=1", nil))
	fmt.Println(rec.Code, rec.Header().Get("Content-Type"))

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/events?from=March", nil))
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output:
	// 200 application/json
	// 400 {"error":"bad parameter \"from\": want YYYY-MM-DD"}
}
