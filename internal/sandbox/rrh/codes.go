package rrh

import (
	"strings"

	"github.com/motpart/motpart/internal/sandbox/world"
)

// lang is a language of code texts (Accept-Language: nob, nno, eng).
type lang int

const (
	langNob lang = iota
	langNno
	langEng
)

// parseLang reads Accept-Language: nob (the default), nno or eng; the
// two-letter forms are taken too. [U] A header the API does not know
// gives bokmål, as the v1 changelog says.
func parseLang(h string) lang {
	first, _, _ := strings.Cut(h, ",")
	first, _, _ = strings.Cut(first, ";")
	switch strings.ToLower(strings.TrimSpace(first)) {
	case "nno", "nn", "nn-no":
		return langNno
	case "eng", "en", "en-gb", "en-us":
		return langEng
	}
	return langNob
}

// rrhCodeDef is a code of the register with its two spellings and texts.
type rrhCodeDef struct {
	legacy string    // the Partner API's code, e.g. posisjontype.eier [C]
	v1     string    // v1's long code [U], e.g. posisjonstype.eierskap
	text   [3]string // kodetekst in nob, nno, eng
}

// rrhCodes are the codes by their short key: RRHStatus*, RRHPosition*,
// RRHInterval*, RRHBasis*, and the registration statuses "regi" and
// "ikkeMeldt". The bokmål texts are the register's own (the example
// download, including "Virksomhet har meldt" for rkuv); the nynorsk and
// English ones are the sandbox's. [U] The v1 codes are the long style the
// digest expects (§4.3): the documented
// registreringsstatus.rettighetsinformasjonErIkkeMeldt and
// posisjonstype.rettTilAaUtpekeEllerAvsetteStyre, the reporting API's
// stoerrelsesintervall.intervallN and grunnlagstype.*, and names the
// sandbox made up for the rest.
var rrhCodes = map[string]rrhCodeDef{
	"regi": {"registreringstatus.regi", "registreringsstatus.registrert", [3]string{
		"Reelle rettighetshavere er registrert",
		"Reelle rettshavarar er registrerte",
		"Beneficial owners are registered"}},
	"ikkeMeldt": {"registreringstatus.ikkeMeldt", "registreringsstatus.rettighetsinformasjonErIkkeMeldt", [3]string{
		"Rettighetsinformasjon er ikke meldt",
		"Rettsinformasjon er ikkje meld",
		"Beneficial ownership information has not been reported"}},

	world.RRHStatusArid: {"reellerettighetshaverestatus.arid", "reellerettighetshaverestatus.alleReelleRettighetshavereErIdentifisert", [3]string{
		"Virksomheten har meldt at de har reelle rettighetshavere, og at alle reelle rettighetshavere er identifisert",
		"Verksemda har meldt at ho har reelle rettshavarar, og at alle reelle rettshavarar er identifiserte",
		"The entity has reported that it has beneficial owners, and that all beneficial owners are identified"}},
	world.RRHStatusNrki: {"reellerettighetshaverestatus.nrki", "reellerettighetshaverestatus.noenReelleRettighetshavereKanIkkeIdentifiseres", [3]string{
		"Virksomheten har meldt at de har reelle rettighetshavere, men at det i tillegg finnes noen reelle rettighetshavere som ikke kan identifiseres",
		"Verksemda har meldt at ho har reelle rettshavarar, men at det i tillegg finst nokre reelle rettshavarar som ikkje kan identifiserast",
		"The entity has reported that it has beneficial owners, but that there are also some beneficial owners who cannot be identified"}},
	world.RRHStatusIrki: {"reellerettighetshaverestatus.irki", "reellerettighetshaverestatus.ingenReelleRettighetshavereKanIdentifiseres", [3]string{
		"Virksomheten har meldt at de har reelle rettighetshavere, men at ingen av disse kan identifiseres",
		"Verksemda har meldt at ho har reelle rettshavarar, men at ingen av desse kan identifiserast",
		"The entity has reported that it has beneficial owners, but that none of them can be identified"}},
	world.RRHStatusRikv: {"reellerettighetshaverestatus.rikv", "reellerettighetshaverestatus.harIkkeReelleRettighetshavere", [3]string{
		"Virksomheten har meldt at de ikke har reelle rettighetshavere, og at de ikke er eid eller kontrollert av offentlig virksomhet",
		"Verksemda har meldt at ho ikkje har reelle rettshavarar, og at ho ikkje er eigd eller kontrollert av offentleg verksemd",
		"The entity has reported that it has no beneficial owners, and that it is not owned or controlled by a public entity"}},
	world.RRHStatusRknv: {"reellerettighetshaverestatus.rknv", "reellerettighetshaverestatus.kontrollertAvNorskOffentligVirksomhet", [3]string{
		"Virksomheten har meldt at de ikke har reelle rettighetshavere fordi en norsk offentlig virksomhet eier eller kontrollerer over 75 % av virksomheten",
		"Verksemda har meldt at ho ikkje har reelle rettshavarar fordi ei norsk offentleg verksemd eig eller kontrollerer over 75 % av verksemda",
		"The entity has reported that it has no beneficial owners because a Norwegian public entity owns or controls more than 75 % of it"}},
	world.RRHStatusRkuv: {"reellerettighetshaverestatus.rkuv", "reellerettighetshaverestatus.kontrollertAvUtenlandskOffentligVirksomhet", [3]string{
		"Virksomhet har meldt at de ikke har reelle rettighetshavere fordi en utenlandsk offentlig virksomhet eier eller kontrollerer over 75 % av virksomheten",
		"Verksemda har meldt at ho ikkje har reelle rettshavarar fordi ei utanlandsk offentleg verksemd eig eller kontrollerer over 75 % av verksemda",
		"The entity has reported that it has no beneficial owners because a foreign public entity owns or controls more than 75 % of it"}},

	world.RRHPositionOwner: {"posisjontype.eier", "posisjonstype.eierskap", [3]string{"Eierskap", "Eigarskap", "Ownership"}},
	world.RRHPositionVotes: {"posisjontype.kont", "posisjonstype.kontrollOverStemmerettigheter", [3]string{
		"Kontroll over stemmerettigheter", "Kontroll over røysterettar", "Control of voting rights"}},
	world.RRHPositionBoard: {"posisjontype.ruas", "posisjonstype.rettTilAaUtpekeEllerAvsetteStyre", [3]string{
		"Rett til å utpeke eller avsette minst halvparten av styremedlemmene",
		"Rett til å peike ut eller setje av minst halvparten av styremedlemmene",
		"Right to appoint or remove at least half of the board members"}},
	world.RRHPositionOther: {"posisjontype.anne", "posisjonstype.kontrollPaaAnnenMaate", [3]string{
		"Kontroll på annen måte", "Kontroll på annan måte", "Control by other means"}},

	world.RRHInterval1: {"stoerrelseintervall.int1", "stoerrelsesintervall.intervall1", [3]string{"25,01% - 49,99%", "25,01% - 49,99%", "25.01% - 49.99%"}},
	world.RRHInterval2: {"stoerrelseintervall.int2", "stoerrelsesintervall.intervall2", [3]string{"50% - 74,99%", "50% - 74,99%", "50% - 74.99%"}},
	world.RRHInterval3: {"stoerrelseintervall.int3", "stoerrelsesintervall.intervall3", [3]string{"75% - 100%", "75% - 100%", "75% - 100%"}},

	world.RRHBasisDirect:    {"grunnlagtype.dire", "grunnlagstype.direkte", [3]string{"Direkte", "Direkte", "Direct"}},
	world.RRHBasisIndirect:  {"grunnlagtype.indi", "grunnlagstype.indirekte", [3]string{"Indirekte", "Indirekte", "Indirect"}},
	world.RRHBasisAgreement: {"grunnlagtype.enav", "grunnlagstype.enighetEllerAvtale", [3]string{"Enighet eller avtale", "Semje eller avtale", "Agreement or arrangement"}},
}

// codeLists are the code lists in the order the v1 code-list endpoint
// gives them, each with its keys.
var codeLists = []struct {
	name string
	keys []string
}{
	{"registreringsstatus", []string{"regi", "ikkeMeldt"}},
	{"reellerettighetshaverestatus", world.RRHStatuses()},
	{"posisjonstype", world.RRHPositions()},
	{"stoerrelsesintervall", []string{world.RRHInterval1, world.RRHInterval2, world.RRHInterval3}},
	{"grunnlagstype", world.RRHBases()},
}

// country is a country with its ISO alpha-2 code and its names.
type country struct {
	alpha2 string
	names  [3]string // nob, nno, eng
}

// countries are the world's countries by ISO 3166-1 alpha-3, RRH's
// landkode. XUK is v1's "unknown" (since 1.5.1).
var countries = map[string]country{
	"NOR": {"NO", [3]string{"Norge", "Noreg", "Norway"}},
	"SWE": {"SE", [3]string{"Sverige", "Sverige", "Sweden"}},
	"DNK": {"DK", [3]string{"Danmark", "Danmark", "Denmark"}},
	"FIN": {"FI", [3]string{"Finland", "Finland", "Finland"}},
	"DEU": {"DE", [3]string{"Tyskland", "Tyskland", "Germany"}},
	"GBR": {"GB", [3]string{"Storbritannia", "Storbritannia", "United Kingdom"}},
	"USA": {"US", [3]string{"USA", "USA", "United States"}},
	"ISL": {"IS", [3]string{"Island", "Island", "Iceland"}},
	"XUK": {"", [3]string{"Uoppgitt", "Uoppgitt", "Unknown"}},
}

// alpha3 returns the alpha-3 code of an alpha-2 code, or XUK.
func alpha3(a2 string) string {
	for k, c := range countries {
		if c.alpha2 == a2 && a2 != "" {
			return k
		}
	}
	return "XUK"
}
