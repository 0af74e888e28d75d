// Package brreg simulates Enhetsregisteret's open REST API
// (data.brreg.no, registries.md §3.2): HAL JSON for units, sub-units,
// roles, searches and code lists, written from the sandbox's world.
package brreg

import (
	"net/http"
	"strings"
	"time"

	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/sandbox/world"
)

// BasePath is the API's path on its host.
const BasePath = "/enhetsregisteret/api"

// Options configures the simulator.
type Options struct {
	// Now is the clock for the error bodies' timestamps; nil means
	// time.Now.
	Now func() time.Time
	// Checksum404 answers 404 instead of 400 for a 9-digit number that
	// fails MOD11. [U] the live behaviour is not documented.
	Checksum404 bool
	// World, when set, returns the world as it is now (the sandbox's
	// story changes it); nil serves New's w for ever.
	World func() *world.World
	// Feed holds the change feeds' entries; nil serves empty feeds.
	Feed *Feed
}

// w returns the world as it is now.
func (b *brreg) w() *world.World { return b.current() }

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

// brreg simulates Enhetsregisteret's open REST API.
type brreg struct {
	current func() *world.World // the world as it is now
	feed    *Feed
	opts    Options
	base    string // absolute base URL, https://127.0.0.1:PORT/enhetsregisteret/api

	orgForms        map[string]string
	roleTypes       map[string]world.RoleType
	groups          []world.Code
	representatives map[string]string
}

// New returns the simulator's handler for the paths under [BasePath]; base
// is its absolute URL, https://127.0.0.1:PORT/enhetsregisteret/api, for
// the HAL links.
func New(w *world.World, opts Options, base string) http.Handler {
	current := opts.World
	if current == nil {
		current = func() *world.World { return w }
	}
	feed := opts.Feed
	if feed == nil {
		feed = NewFeed(FeedOptions{})
	}
	return &brreg{current: current, feed: feed, opts: opts, base: base,
		orgForms: world.OrgForms(), roleTypes: world.RoleTypes(),
		groups: world.RoleGroups(), representatives: world.Representatives()}
}

// The media types of the API's versions. A client that asks for one of
// them by Accept gets it back as the Content-Type.
const (
	// MediaEnhet is a unit's, MediaUnderenhet a sub-unit's and MediaRolle
	// the roles' versioned media type.
	MediaEnhet      = "application/vnd.brreg.enhetsregisteret.enhet.v2+json"
	MediaUnderenhet = "application/vnd.brreg.enhetsregisteret.underenhet.v2+json"
	MediaRolle      = "application/vnd.brreg.enhetsregisteret.rolle.v1+json"
)

// ServeHTTP routes the API's paths under /enhetsregisteret/api.
func (b *brreg) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, BasePath)
	if !ok || rest != "" && rest[0] != '/' {
		b.error(w, r, http.StatusNotFound, "Ingen ressurs funnet for "+r.URL.Path)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		b.error(w, r, http.StatusMethodNotAllowed, "Request method '"+r.Method+"' is not supported")
		return
	}
	seg := strings.Split(strings.Trim(rest, "/"), "/")
	switch {
	case len(seg) == 1 && seg[0] == "":
		b.root(w, r)
	case len(seg) == 1 && seg[0] == "enheter":
		b.search(w, r, false)
	case len(seg) == 1 && seg[0] == "underenheter":
		b.search(w, r, true)
	case len(seg) == 2 && seg[0] == "enheter":
		b.unit(w, r, seg[1], false)
	case len(seg) == 2 && seg[0] == "underenheter":
		b.unit(w, r, seg[1], true)
	case len(seg) == 3 && seg[0] == "enheter" && seg[2] == "roller":
		b.roles(w, r, seg[1])
	case len(seg) == 2 && seg[0] == "oppdateringer" && seg[1] == "enheter":
		b.unitFeed(w, r, false)
	case len(seg) == 2 && seg[0] == "oppdateringer" && seg[1] == "underenheter":
		b.unitFeed(w, r, true)
	case len(seg) == 2 && seg[0] == "oppdateringer" && seg[1] == "roller":
		b.roleFeed(w, r)
	case len(seg) == 2 && seg[0] == "organisasjonsformer":
		b.code(w, r, seg[1], b.orgForms[seg[1]])
	case len(seg) == 3 && seg[0] == "roller" && seg[1] == "rolletyper":
		b.code(w, r, seg[2], b.roleTypes[seg[2]].Description)
	case len(seg) == 3 && seg[0] == "roller" && seg[1] == "rollegruppetyper":
		b.code(w, r, seg[2], b.groupDescription(seg[2]))
	case len(seg) == 3 && seg[0] == "roller" && seg[1] == "representanter":
		b.code(w, r, seg[2], b.representatives[seg[2]])
	default:
		b.error(w, r, http.StatusNotFound, "Ingen ressurs funnet for "+r.URL.Path)
	}
}

// checkOrgNr answers 400 (or 404) for a malformed number and reports
// whether n may be looked up.
func (b *brreg) checkOrgNr(w http.ResponseWriter, r *http.Request, n string) bool {
	switch {
	case !ident.IsNineDigits(n):
		b.error(w, r, http.StatusBadRequest, "Ugyldig organisasjonsnummer: "+n+". Organisasjonsnummeret må bestå av 9 siffer")
		return false
	case !world.ValidOrgNr(n):
		// [U] The live behaviour for a bad check digit is not documented.
		if b.opts.Checksum404 {
			b.error(w, r, http.StatusNotFound, "Enhet med organisasjonsnummer "+n+" ble ikke funnet")
		} else {
			b.error(w, r, http.StatusBadRequest, "Ugyldig organisasjonsnummer: "+n)
		}
		return false
	}
	return true
}

// unit serves /enheter/{orgnr} and /underenheter/{orgnr}.
func (b *brreg) unit(w http.ResponseWriter, r *http.Request, n string, sub bool) {
	media := MediaEnhet
	collection := "enheter"
	if sub {
		media, collection = MediaUnderenhet, "underenheter"
	}
	ct, ok := b.negotiate(w, r, media)
	if !ok || !b.checkOrgNr(w, r, n) {
		return
	}
	u, found := b.w().Unit(n)
	if !found || u.IsSubUnit() != sub {
		what := "Enhet"
		if sub {
			what = "Underenhet"
		}
		b.error(w, r, http.StatusNotFound, what+" med organisasjonsnummer "+n+" ble ikke funnet")
		return
	}
	switch {
	case u.Removed:
		// [L] 410 is documented in the 2020 OpenAPI for removed units;
		// deleted ones answer 200 with slettedato, as recorded.
		b.error(w, r, http.StatusGone, "Enhet med organisasjonsnummer "+n+" er fjernet")
	case u.IsDeleted():
		b.writeJSON(w, r, http.StatusOK, ct, b.deleted(u, collection))
	case sub:
		b.writeJSON(w, r, http.StatusOK, ct, b.underenhet(u))
	default:
		b.writeJSON(w, r, http.StatusOK, ct, b.enhet(u))
	}
}

// roles serves /enheter/{orgnr}/roller.
func (b *brreg) roles(w http.ResponseWriter, r *http.Request, n string) {
	ct, ok := b.negotiate(w, r, MediaRolle)
	if !ok || !b.checkOrgNr(w, r, n) {
		return
	}
	u, found := b.w().Unit(n)
	if !found || u.IsSubUnit() {
		b.error(w, r, http.StatusNotFound, "Enhet med organisasjonsnummer "+n+" ble ikke funnet")
		return
	}
	if u.Removed {
		b.error(w, r, http.StatusGone, "Enhet med organisasjonsnummer "+n+" er fjernet")
		return
	}
	out := jsonRoles{Rollegrupper: []jsonRoleGroup{}}
	out.Links.Self = b.link("/enheter/" + n + "/roller")
	out.Links.Enhet = b.link("/enheter/" + n)
	// [U] A deleted unit answers with no role groups.
	if !u.IsDeleted() {
		out.Rollegrupper = b.roleGroups(u)
	}
	b.writeJSON(w, r, http.StatusOK, ct, out)
}
