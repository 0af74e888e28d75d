package world

import (
	"maps"
	"slices"
)

// orgForms are the organisasjonsformer of the world with their
// descriptions, as the code list /organisasjonsformer gives them.
var orgForms = map[string]string{
	"AS":   "Aksjeselskap",
	"ASA":  "Allmennaksjeselskap",
	"ENK":  "Enkeltpersonforetak",
	"NUF":  "Norskregistrert utenlandsk foretak",
	"ANS":  "Ansvarlig selskap med solidarisk ansvar",
	"DA":   "Ansvarlig selskap med delt ansvar",
	"STI":  "Stiftelse",
	"FLI":  "Forening/lag/innretning",
	"SA":   "Samvirkeforetak",
	"KOMM": "Kommune",
	"ORGL": "Organisasjonsledd",
	"BEDR": "Underenhet til næringsdrivende og offentlig forvaltning",
	"AAFY": "Underenhet til ikke-næringsdrivende",
}

// roleType is a role type with the role group it belongs to.
type roleType struct {
	desc  string
	group string
}

// roleTypes are the role types of the world (/roller/rolletyper).
var roleTypes = map[string]roleType{
	"DAGL": {"Daglig leder", "DAGL"},
	"INNH": {"Innehaver", "INNH"},
	"LEDE": {"Styrets leder", "STYR"},
	"NEST": {"Nestleder", "STYR"},
	"MEDL": {"Styremedlem", "STYR"},
	"VARA": {"Varamedlem", "STYR"},
	"OBS":  {"Observatør", "STYR"},
	"DTPR": {"Deltaker med delt ansvar", "DELT"},
	"DTSO": {"Deltaker med solidarisk ansvar", "DELT"},
	"REPR": {"Norsk representant for utenlandsk enhet", "REPR"},
	"KONT": {"Kontaktperson", "KONT"},
	"BOBE": {"Bostyrer", "BOBE"},
	"REVI": {"Revisor", "REVI"},
	"REGN": {"Regnskapsfører", "REGN"},
}

// roleGroups are the role groups in the order the REST API lists them,
// with their descriptions (/roller/rollegruppetyper).
var roleGroups = []Code{
	{"DAGL", "Daglig leder/ adm.direktør"},
	{"INNH", "Innehaver"},
	{"DELT", "Deltakere"},
	{"STYR", "Styre"},
	{"REPR", "Norsk representant for utenlandsk enhet"},
	{"KONT", "Kontaktperson"},
	{"BOBE", "Bostyrer"},
	{"REVI", "Revisor"},
	{"REGN", "Regnskapsfører"},
}

// representatives are the valgtAv codes (/roller/representanter).
var representatives = map[string]string{
	"AREP": "Representant for de ansatte",
	"A-AK": "Representant for A-aksjonærene",
}

// OrgFormDescription returns the description of an organisasjonsform code
// of the world ("Aksjeselskap" for AS), as /organisasjonsformer gives it.
func OrgFormDescription(code string) (string, bool) {
	d, ok := orgForms[code]
	return d, ok
}

// OrgForms returns every organisasjonsform code of the world with its
// description.
func OrgForms() map[string]string { return maps.Clone(orgForms) }

// RoleType is a role type with the role group it belongs to.
type RoleType struct {
	Description string // beskrivelse, e.g. "Daglig leder"
	Group       string // the role group's code, e.g. STYR
}

// RoleTypeOf returns the role type with the code code (DAGL, LEDE...).
func RoleTypeOf(code string) (RoleType, bool) {
	r, ok := roleTypes[code]
	return RoleType{Description: r.desc, Group: r.group}, ok
}

// RoleTypes returns every role type of the world by code
// (/roller/rolletyper).
func RoleTypes() map[string]RoleType {
	out := make(map[string]RoleType, len(roleTypes))
	for k, r := range roleTypes {
		out[k] = RoleType{Description: r.desc, Group: r.group}
	}
	return out
}

// RoleGroups returns the role groups in the order the REST API lists them,
// with their descriptions (/roller/rollegruppetyper).
func RoleGroups() []Code { return slices.Clone(roleGroups) }

// Representatives returns the valgtAv codes with their descriptions
// (/roller/representanter).
func Representatives() map[string]string { return maps.Clone(representatives) }
