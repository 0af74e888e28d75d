package classify

import (
	"reflect"
	"testing"
	"time"
)

// withCheck returns the nine digits s with their Luhn check digit.
func withCheck(s string) string {
	sum := 0
	for i := range 9 {
		x := int(s[i]-'0') * (2 - i%2)
		sum += x/10 + x%10
	}
	return s + string(rune('0'+(10-sum%10)%10))
}

func TestWithCheck(t *testing.T) {
	for _, n := range []string{"5560747569", "5562529155", "5560743089", "2021005489", "8112189876"} {
		if got := withCheck(n[:9]); got != n {
			t.Errorf("withCheck(%s) = %s, want %s", n[:9], got, n)
		}
	}
}

func TestIndex(t *testing.T) {
	young := SectorRecord{PeOrgNr: "20" + withCheck("050505123"), OrgNr: withCheck("050505123"), Name: "Ung Företagare", Sector: "141000", LegalForm: "10"}
	old := SectorRecord{OrgNr: withCheck("201212123"), Name: "Utan sekel", Sector: "141000", LegalForm: "10"} // personal, no PeOrgNr
	noPe := SectorRecord{OrgNr: "5560743089", Name: "Bara OrgNr AB", Sector: "112000", LegalForm: "49"}
	x := NewIndex()
	x.Grow(10)
	for _, r := range []SectorRecord{exempelBygg, annaAndersson, umlauts, young, old, noPe,
		{PeOrgNr: "165560747569", Name: "duplicate"}, {OrgNr: "12345", Name: "bad"}, {Name: "none"}} {
		x.Add(r)
	}
	if x.Len() != 6 || x.Duplicates() != 1 || x.Skipped() != 2 {
		t.Fatalf("Len, Duplicates, Skipped = %d, %d, %d; want 6, 1, 2", x.Len(), x.Duplicates(), x.Skipped())
	}
	withPe := func(r SectorRecord, pe string) SectorRecord { r.PeOrgNr = pe; return r }
	tests := []struct {
		in   string
		want SectorRecord
		ok   bool
	}{
		{"5560747569", exempelBygg, true},
		{"556074-7569", exempelBygg, true},
		{"16556074-7569", exempelBygg, true},
		{" 556 074 75 69 ", exempelBygg, true},
		{"811218-9876", annaAndersson, true},
		{"19811218-9876", annaAndersson, true},
		{"198112189876", annaAndersson, true},
		{"20811218-9876", SectorRecord{}, false}, // the century is given, and wrong
		{young.OrgNr, young, true},
		{"20" + young.OrgNr, young, true},
		{"19" + young.OrgNr, SectorRecord{}, false},
		{old.OrgNr, withPe(old, ""), true},
		{"5560743089", withPe(noPe, "165560743089"), true},
		{"5562529155", umlauts, true},
		{"5565631157", SectorRecord{}, false}, // check digit
		{withCheck("556999999"), SectorRecord{}, false},
		{"", SectorRecord{}, false},
	}
	for _, tc := range tests {
		got, ok := x.Lookup(tc.in)
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	now := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in      string
		status  NumberStatus
		reason  string
		pe      string
		century bool
		kind    string
	}{
		{"5560747569", StatusValid, "", "165560747569", true, "se-orgnr"},
		{"556074-7569", StatusValid, "", "165560747569", true, "se-orgnr"},
		{"165560747569", StatusValid, "", "165560747569", true, "se-orgnr"},
		{"16 556074-7569", StatusValid, "", "165560747569", true, "se-orgnr"},
		{"811218-9876", StatusValid, "", "198112189876", false, "se-pnr"},
		{"19811218-9876", StatusValid, "", "198112189876", true, "se-pnr"},
		{"121212+1212", StatusValid, "", "191212121212", false, "se-pnr"},
		{"  ", StatusEmpty, "", "", false, ""},
		{"5565631157", StatusInvalid, "checksum", "", false, "se-orgnr"},
		{"811218-9875", StatusInvalid, "checksum", "", false, "se-pnr"},
		{"923609016", StatusInvalid, "length", "", false, ""},
		{"556074-756", StatusInvalid, "length", "", false, ""},
		{"ABC", StatusInvalid, "format", "", false, ""},
		{"168112189876", StatusInvalid, "format", "", false, "se-orgnr"},
		{"19811318-9876", StatusInvalid, "checksum", "", false, "se-pnr"},
		{withCheck("811318987"), StatusInvalid, "date", "", false, "se-pnr"}, // month 13
		{"19" + withCheck("811318987"), StatusInvalid, "date", "", false, "se-pnr"},
		{withCheck("811278987"), StatusValid, "", "19" + withCheck("811278987"), false, "se-samordningsnr"}, // day 18 + 60
	}
	for _, tc := range tests {
		n := Normalize(tc.in, now)
		if n.Status != tc.status || string(n.Reason) != tc.reason || n.PeOrgNr != tc.pe || n.Century != tc.century || string(n.Kind) != tc.kind {
			t.Errorf("Normalize(%q) = %+v; want status %d reason %q PeOrgNr %q century %v kind %q", tc.in, n, tc.status, tc.reason, tc.pe, tc.century, tc.kind)
		}
	}
}
