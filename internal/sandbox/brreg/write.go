package brreg

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/sandbox/fault"
)

// root serves the API root: links to the collections.
func (b *brreg) root(w http.ResponseWriter, r *http.Request) {
	links := map[string]jsonLink{}
	for _, p := range []string{"enheter", "underenheter", "organisasjonsformer", "roller"} {
		links[p] = b.link("/" + p)
	}
	b.writeJSON(w, r, http.StatusOK, "application/json", map[string]any{"_links": links})
}

// code serves one entry of a code list.
func (b *brreg) code(w http.ResponseWriter, r *http.Request, code, desc string) {
	if desc == "" {
		b.error(w, r, http.StatusNotFound, "Koden "+code+" finnes ikke")
		return
	}
	b.writeJSON(w, r, http.StatusOK, "application/json",
		jsonCodeLinked{Kode: code, Beskrivelse: desc, Links: jsonSelf{Self: jsonLink{Href: b.base + strings.TrimPrefix(r.URL.Path, BasePath)}}})
}

func (b *brreg) groupDescription(code string) string {
	for _, g := range b.groups {
		if g.Code == code {
			return g.Description
		}
	}
	return ""
}

// negotiate picks the Content-Type from the Accept header: the versioned
// media type when the client asks for it, else application/json. It
// answers 406 itself when nothing fits.
func (b *brreg) negotiate(w http.ResponseWriter, r *http.Request, versioned string) (string, bool) {
	accept := r.Header.Get("Accept")
	if accept == "" {
		return "application/json", true
	}
	plain := false
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case versioned:
			return versioned + ";charset=UTF-8", true
		case "application/json", "application/*", "*/*", "application/hal+json":
			plain = true
		}
	}
	if plain {
		return "application/json", true
	}
	b.error(w, r, http.StatusNotAcceptable, "Kan ikke levere innhold av typen "+accept)
	return "", false
}

// writeJSON writes v as JSON, without HTML escaping (hrefs keep their &).
func (b *brreg) writeJSON(w http.ResponseWriter, r *http.Request, status int, contentType string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		b.error(w, r, http.StatusInternalServerError, "Intern feil")
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(buf.Bytes())
	}
}

// error writes Spring Boot's error body [L].
func (b *brreg) error(w http.ResponseWriter, r *http.Request, status int, msg string) {
	writeSpringError(w, r, b.opts, status, msg)
}

func writeSpringError(w http.ResponseWriter, r *http.Request, opts Options, status int, msg string) {
	body, _ := json.Marshal(jsonError{
		Timestamp: opts.now().UTC().Format("2006-01-02T15:04:05.000-07:00"),
		Status:    status,
		Error:     http.StatusText(status),
		Message:   msg,
		Path:      r.URL.Path,
	})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// ErrorWriter writes a fault switch's status as Spring's error body.
func ErrorWriter(opts Options) fault.ErrorWriter {
	return func(w http.ResponseWriter, r *http.Request, status int) {
		writeSpringError(w, r, opts, status, http.StatusText(status))
	}
}
