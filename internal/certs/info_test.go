package certs

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/motpart/motpart/internal/certinfo"
)

func TestDaysLeft(t *testing.T) {
	// A fixed clock: the days left are compared with fixed numbers.
	now := time.Date(2026, 3, 1, 12, 0, 0, 500, time.UTC)
	day := 24 * time.Hour
	far := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	tests := []struct {
		name     string
		notAfter time.Time
		want     int
	}{
		{"now", now, 0},
		{"one ns later", now.Add(1), 0},
		{"almost a day", now.Add(day - 1), 0},
		{"a day", now.Add(day), 1},
		{"60 days", now.Add(60 * day), 60},
		{"60 days and an hour", now.Add(60*day + time.Hour), 60},
		{"one ns ago", now.Add(-1), -1},
		{"a second ago", now.Add(-time.Second), -1},
		{"a day ago", now.Add(-day), -1},
		{"a day and a ns ago", now.Add(-day - 1), -2},
		{"other zone", now.Add(2 * day).In(time.FixedZone("CET", 3600)), 2},
		// time.Duration would saturate at 292 years.
		{"year 9999", far, int((far.Unix() - now.Unix() - 1) / 86400)},
		{"year 1", time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), -739676},
	}
	for _, tt := range tests {
		if got := DaysLeft(tt.notAfter, now); got != tt.want {
			t.Errorf("%s: DaysLeft = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	p := fixtures(t)
	day := 24 * time.Hour
	tests := []struct {
		name     string
		spec     leafSpec
		cas      []*x509.Certificate // nil: the intermediate and the root
		noCAs    bool
		holder   string
		status   Status
		days     int
		client   bool
		chainLen int
		complete bool
		keyType  KeyType
		bits     int
		warnings []Warning
		canErr   Code
	}{
		{name: "plain", spec: leafSpec{}, holder: "Testbyrå AB", status: StatusValid, days: 365, client: true,
			chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "holder falls back to CN", spec: leafSpec{subject: pkix.Name{CommonName: "0116297-6"}}, holder: "0116297-6",
			status: StatusValid, days: 365, client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "61 days left", spec: leafSpec{notAfter: fixedNow.Add(61 * day)}, holder: "Testbyrå AB", status: StatusValid, days: 61,
			client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "60 days left", spec: leafSpec{notAfter: fixedNow.Add(60*day + time.Hour)}, holder: "Testbyrå AB", status: StatusExpiring, days: 60,
			client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{WarnExpiringSoon}},
		{name: "last hour", spec: leafSpec{notAfter: fixedNow.Add(time.Hour)}, holder: "Testbyrå AB", status: StatusExpiring, days: 0,
			client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{WarnExpiringSoon}},
		{name: "expired", spec: leafSpec{notBefore: fixedNow.AddDate(-2, 0, 0), notAfter: fixedNow.Add(-time.Second)}, holder: "Testbyrå AB",
			status: StatusExpired, days: -1, client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048,
			warnings: []Warning{}, canErr: CodeExpired},
		{name: "expired long ago", spec: leafSpec{notBefore: fixedNow.AddDate(-3, 0, 0), notAfter: fixedNow.AddDate(-1, 0, 0)}, holder: "Testbyrå AB",
			status: StatusExpired, days: -365, client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048,
			warnings: []Warning{}, canErr: CodeExpired},
		{name: "not yet valid", spec: leafSpec{notBefore: fixedNow.Add(time.Hour)}, holder: "Testbyrå AB", status: StatusNotYetValid, days: 365,
			client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}, canErr: CodeNotYetValid},
		{name: "RSA 1024", spec: leafSpec{key: p.keys.weak}, holder: "Testbyrå AB", status: StatusValid, days: 365, client: true,
			chainLen: 2, complete: true, keyType: KeyRSA, bits: 1024, warnings: []Warning{WarnWeakKey}},
		{name: "serverAuth only", spec: leafSpec{eku: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}, holder: "Testbyrå AB", status: StatusValid,
			days: 365, client: false, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{WarnNotClientAuth}},
		{name: "any EKU", spec: leafSpec{eku: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}, holder: "Testbyrå AB", status: StatusValid,
			days: 365, client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "no EKU, no KU", spec: leafSpec{noEKU: true, noKU: true}, holder: "Testbyrå AB", status: StatusValid,
			days: 365, client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "key usage without digitalSignature", spec: leafSpec{keyUsage: x509.KeyUsageKeyEncipherment}, holder: "Testbyrå AB",
			status: StatusValid, days: 365, client: false, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048,
			warnings: []Warning{WarnNotClientAuth}},
		{name: "no CA in the file", spec: leafSpec{}, noCAs: true, holder: "Testbyrå AB", status: StatusValid, days: 365, client: true,
			chainLen: 0, complete: false, keyType: KeyRSA, bits: 2048, warnings: []Warning{WarnChainIncomplete}},
		{name: "no root in the file", spec: leafSpec{}, cas: []*x509.Certificate{p.inter}, holder: "Testbyrå AB", status: StatusValid,
			days: 365, client: true, chainLen: 1, complete: false, keyType: KeyRSA, bits: 2048, warnings: []Warning{WarnChainIncomplete}},
		{name: "only the root", spec: leafSpec{}, cas: []*x509.Certificate{p.root}, holder: "Testbyrå AB", status: StatusValid,
			days: 365, client: true, chainLen: 1, complete: false, keyType: KeyRSA, bits: 2048, warnings: []Warning{WarnChainIncomplete}},
		{name: "chain reversed", spec: leafSpec{}, cas: []*x509.Certificate{p.root, p.inter}, holder: "Testbyrå AB", status: StatusValid,
			days: 365, client: true, chainLen: 2, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "self-signed", spec: leafSpec{self: true}, noCAs: true, holder: "Testbyrå AB", status: StatusValid, days: 365, client: true,
			chainLen: 0, complete: true, keyType: KeyRSA, bits: 2048, warnings: []Warning{}},
		{name: "ECDSA", spec: leafSpec{key: p.keys.ec}, holder: "Testbyrå AB", status: StatusValid, days: 365, client: true,
			chainLen: 2, complete: true, keyType: KeyECDSA, bits: 256, warnings: []Warning{}},
		{name: "Ed25519", spec: leafSpec{key: p.keys.ed}, holder: "Testbyrå AB", status: StatusValid, days: 365, client: true,
			chainLen: 2, complete: true, keyType: KeyEd25519, bits: 256, warnings: []Warning{}},
		{name: "everything wrong", spec: leafSpec{key: p.keys.weak, eku: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, notAfter: fixedNow.Add(10 * day)},
			noCAs: true, holder: "Testbyrå AB", status: StatusExpiring, days: 10, client: false, chainLen: 0, complete: false,
			keyType: KeyRSA, bits: 1024, warnings: []Warning{WarnNotClientAuth, WarnExpiringSoon, WarnChainIncomplete, WarnWeakKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leaf, key := p.leaf(t, tt.spec)
			cas := tt.cas
			if cas == nil && !tt.noCAs {
				cas = p.chain()
			}
			c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, cas, "pw"), "pw", "")
			requireCode(t, err, "")
			info := c.Describe(fixedNow)
			got := []any{info.Holder, info.Status, info.DaysLeft, info.ClientAuth, info.ChainLength, info.ChainComplete, info.KeyType, info.KeyBits}
			want := []any{tt.holder, tt.status, tt.days, tt.client, tt.chainLen, tt.complete, tt.keyType, tt.bits}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("holder, status, days, client auth, chain, complete, key, bits =\n %v, want\n %v", got, want)
			}
			if !reflect.DeepEqual(info.Warnings, tt.warnings) {
				t.Errorf("warnings = %v, want %v", info.Warnings, tt.warnings)
			}
			requireCode(t, CanImport(info), tt.canErr)
			if !info.NotBefore.Equal(leaf.NotBefore) || !info.NotAfter.Equal(leaf.NotAfter) || info.NotAfter.Location() != time.UTC {
				t.Errorf("validity %v – %v, want %v – %v in UTC", info.NotBefore, info.NotAfter, leaf.NotBefore, leaf.NotAfter)
			}
			if info.Serial != "0A1B2C3D" {
				t.Errorf("serial = %q", info.Serial)
			}
			if len(info.SHA256) != 64 {
				t.Errorf("SHA256 = %q", info.SHA256)
			}
		})
	}
}

func TestSubjectAndIssuerStrings(t *testing.T) {
	p := fixtures(t)
	tests := []struct {
		name    string
		subject pkix.Name
		want    string
	}{
		{"SCB", scbSubject, "CN=SokPaVar A00494,O=Exempelbyrån Redovisning AB,C=SE"},
		{"Buypass", noSubject, "SERIALNUMBER=923609016,CN=EKSEMPELBYRÅ AS,O=EKSEMPELBYRÅ AS,C=NO"},
		// An attribute without a short name is the OID and the DER in hex (RFC 2253 §2.4).
		{"organizationIdentifier", noOrgID, "2.5.4.97=#130f4e54524e4f2d393233363039303136,CN=EKSEMPELBYRÅ AS,O=EKSEMPELBYRÅ AS,C=NO"},
		{"escaping", pkix.Name{CommonName: "Byrå, Ek & Co+", Country: []string{"SE"}}, `CN=Byrå\, Ek & Co\+,C=SE`},
	}
	for _, tt := range tests {
		leaf, key := p.leaf(t, leafSpec{subject: tt.subject, serial: 255})
		c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, nil, ""), "", "")
		requireCode(t, err, "")
		info := c.Describe(fixedNow)
		if info.Subject != tt.want {
			t.Errorf("%s: subject = %q, want %q", tt.name, info.Subject, tt.want)
		}
		if info.Issuer != "CN=Motpart Test Issuing CA,O=Motpart Test PKI,C=NO" {
			t.Errorf("%s: issuer = %q", tt.name, info.Issuer)
		}
		if info.Serial != "FF" {
			t.Errorf("%s: serial = %q, want FF", tt.name, info.Serial)
		}
	}
}

func TestIdentity(t *testing.T) {
	p := fixtures(t)
	// A CA that looks like SCB's, for the issuer rule.
	scbCATmpl := caTemplate(3, pkix.Name{CommonName: "Issuing CA", Organization: []string{"Statistiska centralbyrån"}, Country: []string{"SE"}})
	scbCA, err := sign(scbCATmpl, p.root, p.keys.other.Public(), p.keys.root)
	if err != nil {
		t.Fatal(err)
	}
	se := func(cn string, ou ...string) pkix.Name {
		return pkix.Name{CommonName: cn, OrganizationalUnit: ou, Organization: []string{"Exempelbyrån Redovisning AB"}, Country: []string{"SE"}}
	}
	tests := []struct {
		name     string
		spec     leafSpec
		fileName string
		country  string
		orgNr    string
		apiID    string
		fromFile bool
		yTunnus  string
		uses     []Use
	}{
		{name: "SCB, API-Id in CN", spec: leafSpec{subject: scbSubject}, fileName: "cert.pfx",
			country: "SE", apiID: "A00494", uses: []Use{UseSCB}},
		{name: "SCB, API-Id in file name only", spec: leafSpec{subject: scbPlain}, fileName: scbFileName,
			country: "SE", apiID: "A00494", fromFile: true, uses: []Use{UseSCB}},
		{name: "SCB, Windows path", spec: leafSpec{subject: scbPlain}, fileName: `C:\Users\anna\Downloads\A12345\` + scbFileName,
			country: "SE", apiID: "A00494", fromFile: true, uses: []Use{UseSCB}},
		{name: "SCB, subject wins over file name", spec: leafSpec{subject: se("A11111")}, fileName: scbFileName,
			country: "SE", apiID: "A11111", uses: []Use{UseSCB}},
		{name: "SCB, API-Id in OU", spec: leafSpec{subject: se("Exempelbyrån", "API A01234")},
			country: "SE", apiID: "A01234", uses: []Use{UseSCB}},
		{name: "SCB, API-Id in serialNumber", spec: leafSpec{subject: pkix.Name{CommonName: "x", SerialNumber: "A54321", Country: []string{"SE"}}},
			country: "SE", apiID: "A54321", uses: []Use{UseSCB}},
		{name: "SCB, API-Id in another attribute", spec: leafSpec{subject: pkix.Name{CommonName: "x", Locality: []string{"id=A00007"}, Country: []string{"se"}}},
			country: "SE", apiID: "A00007", uses: []Use{UseSCB}},
		{name: "not an API-Id: joined letters or digits", spec: leafSpec{subject: se("XA00494 A004941 a00494")}, fileName: "A123456.pfx",
			country: "SE", uses: []Use{}},
		{name: "SCB by issuer", spec: leafSpec{subject: scbPlain, issuer: scbCA, issuerKey: p.keys.other},
			country: "SE", uses: []Use{UseSCB}},
		{name: "Norway, serialNumber", spec: leafSpec{subject: noSubject},
			country: "NO", orgNr: "923609016", uses: []Use{UseMaskinporten}},
		{name: "Norway, organizationIdentifier", spec: leafSpec{subject: noOrgID},
			country: "NO", orgNr: "923609016", uses: []Use{UseMaskinporten}},
		{name: "Norway, bad check digit", spec: leafSpec{subject: noBadCheck},
			country: "NO", uses: []Use{}},
		{name: "Norway, bad check digit in organizationIdentifier, good serialNumber",
			spec:    leafSpec{subject: noSubject, extra: []pkix.AttributeTypeAndValue{{Type: oidOrgID, Value: "NTRNO-923609017"}}},
			country: "NO", orgNr: "923609016", uses: []Use{UseMaskinporten}},
		{name: "Norway, encryption certificate", spec: leafSpec{subject: noSubject, keyUsage: x509.KeyUsageKeyEncipherment | x509.KeyUsageDataEncipherment},
			country: "NO", orgNr: "923609016", uses: []Use{}},
		{name: "Norway, RSA 1024", spec: leafSpec{subject: noSubject, key: p.keys.weak},
			country: "NO", orgNr: "923609016", uses: []Use{}},
		// Maskinporten's grant is RS256/384/512 only (specs §4.5).
		{name: "Norway, ECDSA", spec: leafSpec{subject: noSubject, key: p.keys.ec},
			country: "NO", orgNr: "923609016", uses: []Use{}},
		{name: "Norway, Ed25519", spec: leafSpec{subject: noSubject, key: p.keys.ed},
			country: "NO", orgNr: "923609016", uses: []Use{}},
		{name: "Sweden, 9-digit serialNumber is no Norwegian number",
			spec:    leafSpec{subject: pkix.Name{CommonName: "x", SerialNumber: "923609016", Country: []string{"SE"}}},
			country: "SE", uses: []Use{}},
		{name: "Finland", spec: leafSpec{subject: fiSubject},
			country: "FI", yTunnus: "0116297-6", uses: []Use{UseIncomesRegister}},
		{name: "Finland, bad check digit", spec: leafSpec{subject: pkix.Name{CommonName: "0116297-5", Country: []string{"FI"}}},
			country: "FI", uses: []Use{}},
		{name: "Finland, serialNumber", spec: leafSpec{subject: pkix.Name{CommonName: "Tilitoimisto", SerialNumber: "2331972-7", Country: []string{"FI"}}},
			country: "FI", yTunnus: "2331972-7", uses: []Use{UseIncomesRegister}},
		{name: "Finland, organizationIdentifier", spec: leafSpec{subject: pkix.Name{CommonName: "Tilitoimisto", Country: []string{"FI"}},
			extra: []pkix.AttributeTypeAndValue{{Type: oidOrgID, Value: "NTRFI-0201256-6"}}},
			country: "FI", yTunnus: "0201256-6", uses: []Use{UseIncomesRegister}},
		{name: "Finland without C", spec: leafSpec{subject: pkix.Name{CommonName: "1572860-0"}},
			yTunnus: "1572860-0", uses: []Use{UseIncomesRegister}},
		{name: "nothing", spec: leafSpec{}, fileName: "cert.pfx", country: "SE", uses: []Use{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			leaf, key := p.leaf(t, tt.spec)
			c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, nil, "pw"), "pw", tt.fileName)
			requireCode(t, err, "")
			id := c.Identity()
			got := []any{id.Country, id.OrgNumber.String(), id.SCBAPIID, id.SCBAPIIDFromFileName, id.YTunnus.String()}
			want := []any{tt.country, tt.orgNr, tt.apiID, tt.fromFile, tt.yTunnus}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("country, org nr, API-Id, from file, Y-tunnus =\n %q, want\n %q", got, want)
			}
			if uses := c.Uses(); !reflect.DeepEqual(uses, tt.uses) {
				t.Errorf("uses = %v, want %v", uses, tt.uses)
			}
			if info := c.Describe(fixedNow); !reflect.DeepEqual(info.Uses, tt.uses) || info.Identity != id {
				t.Errorf("Describe disagrees: %v %+v", info.Uses, info.Identity)
			}
		})
	}
}

// The two reports below are the command line's output for an SCB and a
// Norwegian certificate; the CLI's documentation may quote them.
const (
	wantSCBReport = `{"ok":true,"error":null,` +
		`"subject":"CN=Exempelbyrån Redovisning AB,O=Exempelbyrån Redovisning AB,C=SE",` +
		`"issuer":"CN=Motpart Test Issuing CA,O=Motpart Test PKI,C=NO",` +
		`"serial":"0A1B2C3D","not_before":"2025-10-06T13:14:52Z","not_after":"2027-10-06T13:14:52Z",` +
		`"days_left":584,"status":"valid","key":{"type":"RSA","bits":2048},"client_auth":true,"chain_length":2,` +
		`"identity":{"country":"SE","org_number":"","scb_api_id":"A00494","y_tunnus":""},` +
		`"uses":["scb"],"warnings":[]}`
	wantNOReport = `{"ok":true,"error":null,` +
		`"subject":"SERIALNUMBER=923609016,CN=EKSEMPELBYRÅ AS,O=EKSEMPELBYRÅ AS,C=NO",` +
		`"issuer":"CN=Motpart Test Issuing CA,O=Motpart Test PKI,C=NO",` +
		`"serial":"01E240","not_before":"2024-04-15T00:00:00Z","not_after":"2026-04-15T00:00:00Z",` +
		`"days_left":44,"status":"expiring","key":{"type":"RSA","bits":2048},"client_auth":true,"chain_length":1,` +
		`"identity":{"country":"NO","org_number":"923609016","scb_api_id":"","y_tunnus":""},` +
		`"uses":["maskinporten"],"warnings":["expiring_soon","chain_incomplete"]}`
	wantErrorReport = `{"ok":false,"error":{"code":"wrong_password","message":"certs: the password does not open the certificate file"},` +
		`"subject":"","issuer":"","serial":"","not_before":"","not_after":"","days_left":0,"status":"",` +
		`"key":{"type":"","bits":0},"client_auth":false,"chain_length":0,` +
		`"identity":{"country":"","org_number":"","scb_api_id":"","y_tunnus":""},"uses":[],"warnings":[]}`
)

func TestReportJSON(t *testing.T) {
	p := fixtures(t)
	scbLeaf, scbKey := p.leaf(t, leafSpec{subject: scbPlain,
		notBefore: time.Date(2025, 10, 6, 13, 14, 52, 0, time.UTC), notAfter: time.Date(2027, 10, 6, 13, 14, 52, 0, time.UTC)})
	noLeaf, noKey := p.leaf(t, leafSpec{subject: noSubject, serial: 123456,
		notBefore: time.Date(2024, 4, 15, 0, 0, 0, 0, time.UTC), notAfter: time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)})
	scb := pfx(t, pkcs12.Modern, scbKey, scbLeaf, p.chain(), "Lösenord-åäö")
	no := pfx(t, pkcs12.LegacyDES, noKey, noLeaf, []*x509.Certificate{p.inter}, "hemmelig")

	tests := []struct {
		name     string
		data     []byte
		password string
		fileName string
		want     string
	}{
		{"SCB", scb, "Lösenord-åäö", scbFileName, wantSCBReport},
		{"Norway", no, "hemmelig", "virksomhetssertifikat.p12", wantNOReport},
		{"wrong password", scb, "fel", scbFileName, wantErrorReport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var info *Info
			c, err := Parse(tt.data, tt.password, tt.fileName)
			if err == nil {
				// A fixed clock, not fixedNow: the report is a fixed
				// string, days left included.
				info = c.Describe(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
				err = CanImport(info)
			}
			b, jerr := json.Marshal(Report(info, err))
			if jerr != nil {
				t.Fatal(jerr)
			}
			if string(b) != tt.want {
				t.Errorf("report =\n%s\nwant\n%s", b, tt.want)
			}
		})
	}
}

func TestReportCases(t *testing.T) {
	p := fixtures(t)
	leaf, key := p.leaf(t, leafSpec{notBefore: fixedNow.AddDate(-2, 0, 0), notAfter: fixedNow.AddDate(0, 0, -3)})
	c, err := Parse(pfx(t, pkcs12.Modern, key, leaf, nil, ""), "", "")
	requireCode(t, err, "")
	info := c.Describe(fixedNow)

	// An expired certificate: not OK, but described.
	r := Report(info, CanImport(info))
	if r.OK || r.Error == nil || r.Error.Code != CodeExpired || r.Status != StatusExpired || r.DaysLeft != -3 || r.Subject == "" {
		t.Errorf("expired report = %+v", r)
	}
	// A foreign error.
	r = Report(nil, errOpen)
	if r.OK || r.Error.Code != CodeInternal || r.Error.Message != errOpen.Error() || r.Uses == nil || r.Warnings == nil {
		t.Errorf("foreign error report = %+v", r)
	}
	// A hand-made Info with nil slices still gives [].
	r = Report(&Info{}, nil)
	b, _ := json.Marshal(r)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if !r.OK || m["uses"] == nil || m["warnings"] == nil || m["error"] != nil {
		t.Errorf("report of an empty Info = %s", b)
	}
	if len(m) != 15 {
		t.Errorf("report has %d fields, want 15: %s", len(m), b)
	}
}

// errOpen stands for an error from outside the package.
var errOpen = &jsonTestError{"open cert.pfx: no such file or directory"}

type jsonTestError struct{ s string }

func (e *jsonTestError) Error() string { return e.s }

// TestCertCodeMatchesCertinfo checks that every code reads the same through
// certinfo.CodeOf, which the window uses, as through CodeOf.
func TestCertCodeMatchesCertinfo(t *testing.T) {
	tests := []struct {
		code Code
		want certinfo.Code
	}{
		{CodeNotPKCS12, certinfo.CodeNotPKCS12},
		{CodeDamaged, certinfo.CodeDamaged},
		{CodeWrongPassword, certinfo.CodeWrongPassword},
		{CodeNoPrivateKey, certinfo.CodeNoPrivateKey},
		{CodeKeyMismatch, certinfo.CodeKeyMismatch},
		{CodeExpired, certinfo.CodeExpired},
		{CodeNotYetValid, certinfo.CodeNotYetValid},
	}
	for _, tt := range tests {
		err := fmt.Errorf("importing: %w", fail(tt.code, "", nil))
		if got := certinfo.CodeOf(err); got != tt.want || CodeOf(err) != tt.code {
			t.Errorf("certinfo.CodeOf(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

// TestImportRefusalAgreesWithCanImport checks that the window's check
// (certinfo) and the desk's (CanImport) decide alike.
func TestImportRefusalAgreesWithCanImport(t *testing.T) {
	for _, status := range []Status{StatusValid, StatusExpiring, StatusExpired, StatusNotYetValid} {
		info := &Info{Status: status}
		if got, want := certinfo.CodeOf(info.ImportRefusal()), certinfo.Code(CodeOf(CanImport(info))); got != want {
			t.Errorf("%s: ImportRefusal %q, CanImport %q", status, got, want)
		}
	}
}
