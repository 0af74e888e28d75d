package desk

import (
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/problem"
)

func TestDrafts(t *testing.T) {
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("å", 20_000) // longer than a note may be: kept whole all the same
	steps := []struct {
		name    string
		do      func() error
		orgnr   string // whose draft to read afterwards
		want    string
		wantErr problem.Code
	}{
		{"none yet", nil, "923609016", "", ""},
		{"saved", func() error { return d.SaveDraft("923 609 016", "Kunden har bytt \trevisor\n") }, "923609016", "Kunden har bytt \trevisor\n", ""},
		{"same company typed another way", nil, "923.609.016", "Kunden har bytt \trevisor\n", ""},
		{"another company has none", nil, "556074-7569", "", ""},
		{"another company's own", func() error { return d.SaveDraft("556074-7569", "Ny styrelse") }, "556074-7569", "Ny styrelse", ""},
		{"the first kept", nil, "923609016", "Kunden har bytt \trevisor\n", ""},
		{"replaced", func() error { return d.SaveDraft("923609016", "Styret byttes i mars") }, "923609016", "Styret byttes i mars", ""},
		{"longer than a note", func() error { return d.SaveDraft("923609016", long) }, "923609016", long, ""},
		{"white space clears", func() error { return d.SaveDraft("923609016", "  \n ") }, "923609016", "", ""},
		{"clear where there is none", func() error { return d.ClearDraft("923609016") }, "923609016", "", ""},
		{"cleared", func() error { return d.ClearDraft("556074-7569") }, "556074-7569", "", ""},
		{"personal number", func() error { return d.SaveDraft("19811218-9876", "x") }, "923609016", "", problem.CodeNotOrgNr},
		{"too long even for a draft", func() error { return d.SaveDraft("923609016", strings.Repeat("x", maxDraftLen+1)) }, "923609016", "", problem.CodeNoteTooLong},
	}
	for _, st := range steps {
		if st.do != nil {
			if err := st.do(); problem.CodeOf(err) != st.wantErr || (st.wantErr == "" && err != nil) {
				t.Errorf("%s: %v, want code %q", st.name, err, st.wantErr)
			}
		}
		got, err := d.Draft(st.orgnr)
		if err != nil || got != st.want {
			t.Errorf("%s: Draft(%s) = %.40q, %v; want %.40q", st.name, st.orgnr, got, err, st.want)
		}
	}

	// A draft survives the lock, sealed in the vault, and is not audited.
	if err := d.SaveDraft("923609016", "Halvskrevet notat"); err != nil {
		t.Fatal(err)
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Draft("923609016"); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("Draft while locked: %v, want %s", err, problem.CodeLocked)
	}
	if err := d.SaveDraft("923609016", "x"); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("SaveDraft while locked: %v, want %s", err, problem.CodeLocked)
	}
	if err := d.Unlock([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	if got, err := d.Draft("923609016"); err != nil || got != "Halvskrevet notat" {
		t.Errorf("after unlock: %q, %v", got, err)
	}
	entries, _, err := d.AuditLog()
	if err != nil || len(entries) != 0 {
		t.Errorf("audit entries %+v, %v; want none", entries, err)
	}
}
