package desk

import (
	"strings"
	"testing"
	"time"

	"github.com/motpart/motpart/internal/certs"
	"github.com/motpart/motpart/internal/certs/certstest"
	"github.com/motpart/motpart/internal/problem"
)

func TestExpiringCertificates(t *testing.T) {
	d := newTestDesk(t)
	if err := d.CreateVault([]byte("correct horse")); err != nil {
		t.Fatal(err)
	}
	day := func(n int) certstest.Options {
		return certstest.Options{Subject: certstest.SCB("A0049" + string(rune('0'+n%10))), Now: testNow,
			NotBefore: testNow.AddDate(-1, 0, 0), NotAfter: testNow.AddDate(0, 0, n)}
	}
	for name, days := range map[string]int{"later": 200, "soon": 10, "window edge": 60, "just past": 61, "sooner": 3} {
		pfx := certstest.PFX(t, day(days))
		if _, err := d.ImportCertificate(name, pfx, name+".pfx", ""); err != nil {
			t.Fatal(err)
		}
	}
	got, err := d.ExpiringCertificates()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Name)
		if c.Info.Status != certs.StatusExpiring {
			t.Errorf("%s: %s", c.Name, c.Info.Status)
		}
	}
	if strings.Join(names, ", ") != "sooner, soon, window edge" {
		t.Errorf("expiring %v, want sooner, soon, window edge", names)
	}
	// Judged by the desk's clock: 150 days on, all but one are due, and
	// the expired ones come first.
	d.cfg.Now = func() time.Time { return testNow.AddDate(0, 0, 150) }
	got, _ = d.ExpiringCertificates()
	names = names[:0]
	for _, c := range got {
		names = append(names, c.Name)
	}
	if strings.Join(names, ", ") != "sooner, soon, window edge, just past, later" {
		t.Errorf("150 days on: %v", names)
	}
	if err := d.Lock(); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ExpiringCertificates(); problem.CodeOf(err) != problem.CodeLocked {
		t.Errorf("locked: %v", err)
	}
}
