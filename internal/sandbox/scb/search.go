package scb

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// searchRequest is the body of HamtaForetag and RaknaForetag.
type searchRequest struct {
	CompanyStatus      *string    `json:"Företagsstatus"`
	RegistrationStatus *string    `json:"Registreringsstatus"`
	Categories         []category `json:"Kategorier"`
	Variables          []variable `json:"variabler"`
}

type category struct {
	Category string   `json:"Kategori"`
	Codes    []string `json:"Kod"`
	Level    int      `json:"Branschniva"`
}

type variable struct {
	Variable string `json:"Variabel"`
	Operator string `json:"Operator"`
	Value1   string `json:"Varde1"`
	Value2   string `json:"Varde2"`
}

// The operators of registries.md §1.3.
var operators = []string{"ArLikaMed", "BorjarPa", "Innehaller", "Mellan", "FranOchMed", "TillOchMed", "Finns", "FinnsInte"}

// searchVariable is a variable a search may name: how to read it from a
// company, and the form its value must have ("" for any text).
type searchVariable struct {
	get   func(c *world.SECompany) string
	shape string // "10", "12" (digits) or ""
}

func searchVariables() map[string]searchVariable {
	name := func(c *world.SECompany) string { return c.Name }
	return map[string]searchVariable{
		"orgnr (10 siffror)": {get: (*world.SECompany).Digits, shape: "10"},
		"orgnr (12 siffror)": {get: (*world.SECompany).PeOrgNr, shape: "12"},
		"peorgnr":            {get: (*world.SECompany).PeOrgNr, shape: "12"},
		"namn":               {get: name},
		"företagsnamn":       {get: name},
		"postort":            {get: func(c *world.SECompany) string { return c.City }},
		"postnr":             {get: func(c *world.SECompany) string { return c.PostCode }},
	}
}

// categoryCode returns the code a company has in a category, and whether
// the category is known.
func categoryCode(c *world.SECompany, cat string) (string, bool) {
	switch strings.ToLower(cat) {
	case "säteskommun":
		return c.Municipality, true
	case "säteslän":
		return c.Municipality[:2], true
	case "juridiskform":
		return c.LegalForm, true
	case "sektor":
		return c.Sector, true
	case "ägarkategori":
		return c.OwnerCategory, true
	case "bransch":
		if len(c.SNI) == 0 {
			return "", true
		}
		return c.SNI[0], true
	}
	return "", false
}

// search decodes a search body and returns the matching companies, or a
// Swedish reason for 400.
func (s *Server) search(r *http.Request) ([]*world.SECompany, string) {
	var req searchRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return nil, "Ogiltig begäran: kroppen är inte giltig JSON."
	}
	for _, st := range []struct {
		name string
		v    *string
		ok   []string
	}{{"Företagsstatus", req.CompanyStatus, []string{"0", "1", "9"}}, {"Registreringsstatus", req.RegistrationStatus, []string{"1", "2"}}} {
		if st.v != nil && !slices.Contains(st.ok, *st.v) {
			return nil, "Ogiltigt värde för " + st.name + ": \"" + *st.v + "\"."
		}
	}
	if len(req.Variables) == 0 && len(req.Categories) == 0 {
		return nil, "Minst ett urvalsvillkor måste anges."
	}
	vars := searchVariables()
	for _, v := range req.Variables {
		sv, ok := vars[strings.ToLower(v.Variable)]
		if !ok {
			return nil, "Ogiltig variabel: \"" + v.Variable + "\"."
		}
		if !slices.Contains(operators, v.Operator) {
			return nil, "Ogiltig operator: \"" + v.Operator + "\" för " + v.Variable + "."
		}
		if sv.shape != "" && v.Operator != "Finns" && v.Operator != "FinnsInte" {
			n, _ := strconv.Atoi(sv.shape)
			vals := []string{v.Value1}
			if v.Value2 != "" {
				vals = append(vals, v.Value2)
			}
			for _, val := range vals {
				if len(val) != n || strings.Trim(val, "0123456789") != "" {
					return nil, "Ogiltigt värde för " + v.Variable + ": ange " + sv.shape + " siffror utan bindestreck."
				}
			}
		}
		if v.Operator == "Mellan" && v.Value2 == "" {
			return nil, "Mellan kräver två värden (Varde1 och Varde2) för " + v.Variable + "."
		}
	}
	for _, cat := range req.Categories {
		if _, ok := categoryCode(&world.SECompany{Municipality: "0000"}, cat.Category); !ok {
			return nil, "Ogiltig kategori: \"" + cat.Category + "\"."
		}
		if len(cat.Codes) == 0 {
			return nil, "Inga koder angivna för " + cat.Category + "."
		}
	}
	var out []*world.SECompany
	for i := range s.companies {
		c := &s.companies[i]
		if req.CompanyStatus != nil && *req.CompanyStatus != companyStatus(c) ||
			req.RegistrationStatus != nil && *req.RegistrationStatus != "1" {
			continue
		}
		if matches(c, req, vars) {
			out = append(out, c)
		}
	}
	return out, ""
}

func matches(c *world.SECompany, req searchRequest, vars map[string]searchVariable) bool {
	for _, v := range req.Variables {
		val := vars[strings.ToLower(v.Variable)].get(c)
		a, b := strings.ToLower(val), strings.ToLower(v.Value1)
		var ok bool
		switch v.Operator {
		case "ArLikaMed":
			ok = a == b
		case "BorjarPa":
			ok = strings.HasPrefix(a, b)
		case "Innehaller":
			ok = strings.Contains(a, b)
		case "Mellan":
			ok = a >= b && a <= strings.ToLower(v.Value2)
		case "FranOchMed":
			ok = a >= b
		case "TillOchMed":
			ok = a <= b
		case "Finns":
			ok = a != ""
		case "FinnsInte":
			ok = a == ""
		}
		if !ok {
			return false
		}
	}
	for _, cat := range req.Categories {
		code, _ := categoryCode(c, cat.Category)
		if !slices.ContainsFunc(cat.Codes, func(k string) bool { return k != "" && strings.HasPrefix(code, k) }) {
			return false
		}
	}
	return true
}

func companyStatus(c *world.SECompany) string {
	if c.Active {
		return "1"
	}
	return "9"
}

// hamta answers HamtaForetag: a JSON array of rows, at most MaxRows.
func (s *Server) hamta(w http.ResponseWriter, r *http.Request, apiID string) {
	found, reason := s.search(r)
	if reason != "" {
		s.badRequest(w, reason)
		return
	}
	if len(found) > s.opts.MaxRows {
		found = found[:s.opts.MaxRows]
	}
	sub := s.subscription(apiID)
	rows := make([]map[string]string, 0, len(found))
	for _, c := range found {
		rows = append(rows, row(c, sub))
	}
	writeJSON(w, rows)
}

// rakna answers RaknaForetag: the number of matches, a bare JSON number.
func (s *Server) rakna(w http.ResponseWriter, r *http.Request, _ string) {
	found, reason := s.search(r)
	if reason != "" {
		s.badRequest(w, reason)
		return
	}
	writeJSON(w, len(found))
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

// flag writes a status flag.
func flag(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// sizeClasses are the texts of Stkl (employees).
var sizeClasses = map[string]string{
	"0": "0 anställda", "1": "1-4 anställda", "2": "5-9 anställda", "3": "10-19 anställda", "4": "20-49 anställda",
	"5": "50-99 anställda", "6": "100-199 anställda", "7": "200-499 anställda", "8": "500-999 anställda", "9": "1000- anställda",
}

// row writes one company as HamtaForetag's row: Swedish labels, every
// value a string, "*" for a variable outside the subscription.
func row(c *world.SECompany, sub map[string]bool) map[string]string {
	status := "Är verksam"
	if !c.Active {
		status = "Ej verksam"
	}
	sni := func(i int) (string, string, string) {
		if i >= len(c.SNI) {
			return "", "", ""
		}
		code := c.SNI[i]
		return code, code[:2] + "." + code[2:], world.CodeText(world.SNICodes(), code)
	}
	s1, s1p, s1t := sni(0)
	s2, s2p, s2t := sni(1)
	groups := map[string]map[string]string{
		GroupBasic: {
			"Firma": c.Firma, "COAdress": c.CO, "PostAdress": c.Street, "PostNr": c.PostCode, "PostOrt": c.City,
			"Säteskommun, kod": c.Municipality, "Säteskommun": world.CodeText(world.SEMunicipalities(), c.Municipality),
			"Säteslän, kod": c.Municipality[:2], "Säteslän": world.CodeText(world.SECounties(), c.Municipality[:2]),
			"Juridisk form, kod": c.LegalForm, "Juridisk form": world.CodeText(world.SELegalForms(), c.LegalForm),
			"Företagsstatus, kod": companyStatus(c), "Företagsstatus": status,
			"Registrerad hos SKV, kod": "1", "Registrerad hos SKV": "Registrerad hos Skatteverket",
			"Startdatum": c.Started, "Slutdatum": c.Ended, "Registreringsdatum": c.Registered,
			"Bransch_1, kod": s1, "Bransch_1P, kod": s1p, "Bransch_1": s1t,
			"Antal arbetsställen": strconv.Itoa(c.Workplaces),
		},
		GroupSector: {
			"Sektor, kod": c.Sector, "Sektor": world.CodeText(world.SESectors(), c.Sector),
			"Ägarkategori, kod": c.OwnerCategory, "Ägarkategori": world.CodeText(world.SEOwnerCategories(), c.OwnerCategory),
		},
		GroupContact:    {"Telefon": c.Phone, "E-post": c.Email},
		GroupTax:        {"Arbetsgivarstatus, kod": flag(c.Employer), "Momsstatus, kod": flag(c.VAT), "Fskattstatus, kod": flag(c.FTax)},
		GroupSize:       {"Stkl, kod": c.SizeClass, "Storleksklass": sizeClasses[c.SizeClass]},
		GroupIndustries: {"Bransch_2, kod": s2, "Bransch_2P, kod": s2p, "Bransch_2": s2t},
	}
	out := map[string]string{"PeOrgNr": c.PeOrgNr(), "OrgNr": c.Digits(), "Företagsnamn": c.Name}
	for g, vars := range groups {
		for k, v := range vars {
			if !sub[g] {
				v = "*"
			}
			out[k] = v
		}
	}
	return out
}

// kodtabell answers one code table: {"VardeLista":[{"Varde","Text"}...]}.
func (s *Server) kodtabell(w http.ResponseWriter, r *http.Request, _ string) {
	var req struct {
		Category string `json:"Kategori"`
		Level    int    `json:"BranschNiva"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		s.badRequest(w, "Ogiltig begäran: kroppen är inte giltig JSON.")
		return
	}
	codes, ok := codeTables()[strings.ToLower(req.Category)]
	if !ok {
		s.badRequest(w, "Ogiltig kategori: \""+req.Category+"\".")
		return
	}
	type value struct {
		Varde string `json:"Varde"`
		Text  string `json:"Text"`
	}
	list := make([]value, 0, len(codes))
	for _, c := range codes {
		list = append(list, value{c.Code, c.Description})
	}
	writeJSON(w, map[string]any{"VardeLista": list})
}

// codeTables are kodtabell's tables by lower-case category.
func codeTables() map[string][]world.Code {
	return map[string][]world.Code{
		"säteskommun":    world.SEMunicipalities(),
		"säteslän":       world.SECounties(),
		"juridiskform":   world.SELegalForms(),
		"sektor":         world.SESectors(),
		"ägarkategori":   world.SEOwnerCategories(),
		"bransch":        world.SNICodes(),
		"företagsstatus": {{Code: "0", Description: "Har aldrig varit verksam"}, {Code: "1", Description: "Är verksam"}, {Code: "9", Description: "Ej verksam"}},
	}
}

// koptaKategorier answers the categories the account may filter on.
func (s *Server) koptaKategorier(w http.ResponseWriter, _ *http.Request, _ string) {
	writeJSON(w, []string{"SätesKommun", "SätesLän", "JuridiskForm", "Sektor", "Ägarkategori", "Bransch"})
}

// koptaVariabler answers the variables the caller's subscription holds.
func (s *Server) koptaVariabler(w http.ResponseWriter, _ *http.Request, apiID string) {
	sub := s.subscription(apiID)
	names := []string{"PeOrgNr", "OrgNr", "Företagsnamn"}
	for k, v := range row(&world.SECompany{Municipality: "0000"}, sub) {
		if v != "*" && !slices.Contains(names, k) {
			names = append(names, k)
		}
	}
	slices.Sort(names[3:])
	writeJSON(w, names)
}
