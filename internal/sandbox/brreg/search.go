package brreg

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// maxDepth is the deepest page*size the search allows.
const maxDepth = 10_000

// searchQuery is a parsed search.
type searchQuery struct {
	navn       string
	orgnrs     []string
	parent     string
	forms      []string
	nace       []string
	municipal  []string
	bools      map[string]bool
	page, size int
	rawPairs   []string // the query's pairs as sent, without page and size
}

// searchBools are the boolean filters, by parameter name.
var searchBools = map[string]func(u *world.Unit) bool{
	"konkurs":        func(u *world.Unit) bool { return u.Bankrupt },
	"underAvvikling": func(u *world.Unit) bool { return u.Liquidation },
	"underTvangsavviklingEllerTvangsopplosning": func(u *world.Unit) bool { return u.ForcedDissolution },
	"registrertIMvaregisteret":                  func(u *world.Unit) bool { return u.VAT },
	"registrertIForetaksregisteret":             func(u *world.Unit) bool { return u.BusinessRegister },
	"registrertIStiftelsesregisteret":           func(u *world.Unit) bool { return u.FoundationRegister },
	"registrertIFrivillighetsregisteret":        func(u *world.Unit) bool { return u.VoluntaryRegister },
}

func commaList(s string) []string {
	var out []string
	for v := range strings.SplitSeq(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// parseSearch reads a search's parameters; a non-empty message is a 400.
func parseSearch(r *http.Request) (searchQuery, string) {
	q := searchQuery{size: 20, bools: map[string]bool{}}
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return q, "Ugyldig spørring"
	}
	for pair := range strings.SplitSeq(r.URL.RawQuery, "&") {
		if pair == "" {
			continue
		}
		k, _, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(k); err == nil && (k == "page" || k == "size") {
			continue
		}
		q.rawPairs = append(q.rawPairs, pair)
	}
	num := func(name string, def int) (int, string) {
		v := vals.Get(name)
		if v == "" {
			return def, ""
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, "Ugyldig verdi for parameter " + name + ": " + v
		}
		return n, ""
	}
	var msg string
	if q.page, msg = num("page", 0); msg != "" {
		return q, msg
	}
	if q.size, msg = num("size", 20); msg != "" {
		return q, msg
	}
	if q.size == 0 {
		return q, "Ugyldig verdi for parameter size: 0"
	}
	if q.page*q.size > maxDepth {
		return q, fmt.Sprintf("Maks dybde (page*size) er %d, fikk %d", maxDepth, q.page*q.size)
	}
	q.navn = strings.ToLower(strings.TrimSpace(vals.Get("navn")))
	q.orgnrs = commaList(vals.Get("organisasjonsnummer"))
	for _, n := range q.orgnrs {
		if !ident.IsNineDigits(n) {
			return q, "Ugyldig organisasjonsnummer: " + n
		}
	}
	if q.parent = strings.TrimSpace(vals.Get("overordnetEnhet")); q.parent != "" && !ident.IsNineDigits(q.parent) {
		return q, "Ugyldig organisasjonsnummer for overordnetEnhet: " + q.parent
	}
	q.forms = commaList(vals.Get("organisasjonsform"))
	q.nace = commaList(vals.Get("naeringskode"))
	q.municipal = commaList(vals.Get("kommunenummer"))
	for name := range searchBools {
		switch v := vals.Get(name); v {
		case "":
		case "true", "false":
			q.bools[name] = v == "true"
		default:
			return q, "Ugyldig verdi for parameter " + name + ": " + v
		}
	}
	return q, ""
}

func (q *searchQuery) match(u *world.Unit) bool {
	if q.navn != "" && !strings.Contains(strings.ToLower(u.Name), q.navn) {
		return false
	}
	if len(q.orgnrs) > 0 && !slices.Contains(q.orgnrs, u.OrgNr) {
		return false
	}
	if q.parent != "" && u.Parent != q.parent {
		return false
	}
	if len(q.forms) > 0 && !slices.Contains(q.forms, u.Form) {
		return false
	}
	if len(q.nace) > 0 && !slices.ContainsFunc(u.NACE, func(c world.Code) bool {
		return slices.ContainsFunc(q.nace, func(p string) bool { return strings.HasPrefix(c.Code, p) })
	}) {
		return false
	}
	if len(q.municipal) > 0 && (u.Business == nil || !slices.Contains(q.municipal, u.Business.MunicipalityNo)) {
		return false
	}
	for name, want := range q.bools {
		if searchBools[name](u) != want {
			return false
		}
	}
	return true
}

// search serves /enheter and /underenheter.
func (b *brreg) search(w http.ResponseWriter, r *http.Request, sub bool) {
	media, collection := MediaEnhet, "enheter"
	if sub {
		media, collection = MediaUnderenhet, "underenheter"
	}
	ct, ok := b.negotiate(w, r, media)
	if !ok {
		return
	}
	q, msg := parseSearch(r)
	if msg != "" {
		b.error(w, r, http.StatusBadRequest, msg)
		return
	}
	var hits []*world.Unit
	for i := range b.w().Units {
		u := &b.w().Units[i]
		// [U] Deleted and removed units are left out of searches.
		if u.IsSubUnit() != sub || u.IsDeleted() || u.Removed || !q.match(u) {
			continue
		}
		hits = append(hits, u)
	}
	slices.SortFunc(hits, func(a, b *world.Unit) int { return strings.Compare(a.OrgNr, b.OrgNr) })

	total := len(hits)
	pages := (total + q.size - 1) / q.size
	out := jsonSearch{Page: jsonPage{Size: q.size, TotalElements: total, TotalPages: pages, Number: q.page}}
	from, to := min(q.page*q.size, total), min((q.page+1)*q.size, total)
	if from < to {
		list := make([]any, 0, to-from)
		for _, u := range hits[from:to] {
			if sub {
				list = append(list, b.underenhet(u))
			} else {
				list = append(list, b.enhet(u))
			}
		}
		out.Embedded = map[string][]any{collection: list}
	}
	// Spring HATEOAS: self as requested; first and last when there is more
	// than one page; prev and next when they exist.
	selfURL := b.base + "/" + collection
	if r.URL.RawQuery != "" {
		selfURL += "?" + r.URL.RawQuery
	}
	out.Links.Self = jsonLink{Href: selfURL}
	pageLink := func(n int) *jsonLink {
		pairs := append(slices.Clone(q.rawPairs), "page="+strconv.Itoa(n), "size="+strconv.Itoa(q.size))
		return &jsonLink{Href: b.base + "/" + collection + "?" + strings.Join(pairs, "&")}
	}
	hasPrev, hasNext := q.page > 0 && total > 0, q.page+1 < pages
	if hasPrev || hasNext {
		out.Links.First = pageLink(0)
		out.Links.Last = pageLink(pages - 1)
	}
	if hasPrev {
		out.Links.Prev = pageLink(min(q.page-1, pages-1))
	}
	if hasNext {
		out.Links.Next = pageLink(q.page + 1)
	}
	b.writeJSON(w, r, http.StatusOK, ct, out)
}
