package desk

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motpart/motpart/internal/dossier"
	"github.com/motpart/motpart/internal/ident"
	"github.com/motpart/motpart/internal/portfolio"
	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// maxClientText is the most runes a client's reference or responsible
// person keeps; longer text is cut.
const maxClientText = 200

// defaultConcurrency is ClientSettings.Concurrency when none is set;
// maxConcurrency the most allowed.
const (
	defaultConcurrency = 8
	maxConcurrency     = 16
)

// Clients returns every client, by name (then number), with Flags and
// Risk filled from the changes of the last portfolio.FlagDays days.
func (d *Desk) Clients() ([]portfolio.Client, error) {
	var clients []portfolio.Client
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			err := tx.ForEach(clientsBucket, func(_ string, data []byte) error {
				var c portfolio.Client
				if err := json.Unmarshal(data, &c); err != nil {
					return problem.New(problem.CodeVaultDamaged, fmt.Errorf("client record: %w", err))
				}
				clients = append(clients, c)
				return nil
			})
			if err != nil {
				return err
			}
			flags, err := d.recentFlags(tx, "")
			if err != nil {
				return err
			}
			for i := range clients {
				setFlags(&clients[i], flags[clients[i].Number])
			}
			return nil
		}))
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(clients, compareClients)
	return clients, nil
}

// compareClients orders clients by name, without regard to case, then
// by number; clients without a name yet come last.
func compareClients(a, b portfolio.Client) int {
	if (a.Name == "") != (b.Name == "") {
		if a.Name == "" {
			return 1
		}
		return -1
	}
	return cmp.Or(
		strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)),
		strings.Compare(a.Name, b.Name),
		strings.Compare(a.Number, b.Number),
	)
}

// recentFlags returns the changes at portfolio.RiskMedium or above
// detected since portfolio.FlagsSince, by client number (one client's
// when number is not "").
func (d *Desk) recentFlags(tx *vault.Tx, number string) (map[string][]portfolio.Change, error) {
	since := portfolio.FlagsSince(d.cfg.Now())
	flags := map[string][]portfolio.Change{}
	err := forEachChange(tx, func(c portfolio.Change) error {
		if c.Risk >= portfolio.RiskMedium && !c.Detected.Before(since) && (number == "" || c.Number == number) {
			flags[c.Number] = append(flags[c.Number], c)
		}
		return nil
	})
	return flags, err
}

// setFlags fills c's Flags and Risk from its recent changes (recentFlags').
func setFlags(c *portfolio.Client, recent []portfolio.Change) {
	c.Flags = portfolio.Flags(recent, time.Time{})
	c.Risk = portfolio.MaxRisk(recent)
}

// forEachChange calls fn with every stored change.
func forEachChange(tx *vault.Tx, fn func(portfolio.Change) error) error {
	return tx.ForEach(changesBucket, func(_ string, data []byte) error {
		var c portfolio.Change
		if err := json.Unmarshal(data, &c); err != nil {
			return problem.New(problem.CodeVaultDamaged, fmt.Errorf("change record: %w", err))
		}
		return fn(c)
	})
}

// clientNumber parses number as a NO, SE or FI organisation number with
// the desk's options; problem.CodeNotOrgNr when it is not one.
func (d *Desk) clientNumber(number string) (ident.Number, error) {
	return parseClientNumber(number, d.identOptions(""))
}

// parseClientNumber is clientNumber with the options given: reading them
// asks the vault for the environment, too slow for every row of an
// import.
func parseClientNumber(number string, opt ident.Options) (ident.Number, error) {
	n, err := ident.ParseOrgNr(number, opt)
	if err != nil {
		return n, problem.New(problem.CodeNotOrgNr, err)
	}
	switch n.Country() {
	case ident.CountryNO, ident.CountrySE, ident.CountryFI:
		return n, nil
	}
	return ident.Number{}, problem.New(problem.CodeNotOrgNr, fmt.Errorf("%s is not a Norwegian, Swedish or Finnish organisation number", n))
}

// Client returns one client; problem.CodeNotAClient when the number is
// not one.
func (d *Desk) Client(number string) (portfolio.Client, error) {
	n, err := d.clientNumber(number)
	if err != nil {
		return portfolio.Client{}, problem.New(problem.CodeNotAClient, err)
	}
	var c portfolio.Client
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			var err error
			if c, err = getClient(tx, n.String()); err != nil {
				return err
			}
			flags, err := d.recentFlags(tx, c.Number)
			setFlags(&c, flags[c.Number])
			return err
		}))
	})
	return c, err
}

// IsClient reports whether the number (in any form Identify takes) is one
// of the clients. A number that is not a valid organisation number is
// not one.
func (d *Desk) IsClient(number string) (bool, error) {
	n, err := d.clientNumber(number)
	if err != nil {
		return false, nil
	}
	var ok bool
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			_, err := getClient(tx, n.String())
			switch {
			case err == nil:
				ok = true
			case problem.CodeOf(err) == problem.CodeNotAClient:
			default:
				return err
			}
			return nil
		}))
	})
	return ok, err
}

// AddClient adds a client by its number, with the firm's reference and the
// responsible person; the name and standing are taken from its saved
// dossier when there is one. problem.CodeClientExists when it is one
// already; problem.CodeNotOrgNr when the number is not valid. Audited.
func (d *Desk) AddClient(number, reference, responsible string) (portfolio.Client, error) {
	n, err := d.clientNumber(number)
	if err != nil {
		return portfolio.Client{}, err
	}
	c := d.newClient(n, reference, responsible)
	err = d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			switch _, err := getClient(tx, c.Number); {
			case err == nil:
				return problem.New(problem.CodeClientExists, nil)
			case problem.CodeOf(err) != problem.CodeNotAClient:
				return err
			}
			if err := fillFromDossier(tx, &c); err != nil {
				return err
			}
			if err := putClient(tx, c); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "client.add", Subject: c.Number})
		}))
	})
	if err != nil {
		return portfolio.Client{}, err
	}
	return c, nil
}

// newClient is a client of number n added now.
func (d *Desk) newClient(n ident.Number, reference, responsible string) portfolio.Client {
	return portfolio.Client{
		Number:      n.String(),
		Country:     string(n.Country()),
		Reference:   clientText(reference),
		Responsible: clientText(responsible),
		Added:       d.cfg.Now().UTC(),
	}
}

// fillFromDossier takes c's name and standing from its saved dossier,
// when there is one.
func fillFromDossier(tx *vault.Tx, c *portfolio.Client) error {
	data, err := tx.Get(dossiersBucket, c.Number)
	if errors.Is(err, vault.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	var dos dossier.Dossier
	if err := json.Unmarshal(data, &dos); err != nil {
		return problem.New(problem.CodeVaultDamaged, fmt.Errorf("decoding a dossier: %w", err))
	}
	if dos.Company != nil {
		c.Name = dos.Company.Name
		c.Standing = dos.Company.Standing()
	}
	return nil
}

// clientText trims s, makes it one line and cuts it to maxClientText
// runes.
func clientText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= maxClientText {
		return s
	}
	return string([]rune(s)[:maxClientText])
}

// UpdateClient changes a client's reference and responsible person.
// Audited.
func (d *Desk) UpdateClient(number, reference, responsible string) error {
	n, err := d.clientNumber(number)
	if err != nil {
		return problem.New(problem.CodeNotAClient, err)
	}
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			c, err := getClient(tx, n.String())
			if err != nil {
				return err
			}
			c.Reference, c.Responsible = clientText(reference), clientText(responsible)
			if err := putClient(tx, c); err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "client.edit", Subject: c.Number})
		}))
	})
}

// RemoveClient removes a client with its snapshots and changes. Audited.
func (d *Desk) RemoveClient(number string) error {
	n, err := d.clientNumber(number)
	if err != nil {
		return problem.New(problem.CodeNotAClient, err)
	}
	num := n.String()
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			if _, err := getClient(tx, num); err != nil {
				return err
			}
			var history, changes []string
			err := tx.ForEach(snapshotHistoryBucket, func(id string, _ []byte) error {
				if strings.HasPrefix(id, num+"/") {
					history = append(history, id)
				}
				return nil
			})
			if err != nil {
				return err
			}
			err = forEachChange(tx, func(c portfolio.Change) error {
				if c.Number == num {
					changes = append(changes, c.ID)
				}
				return nil
			})
			if err != nil {
				return err
			}
			if err := tx.Delete(clientsBucket, num); err != nil {
				return err
			}
			if err := deleteIfThere(tx, snapshotsBucket, num); err != nil {
				return err
			}
			for _, id := range history {
				if err := tx.Delete(snapshotHistoryBucket, id); err != nil {
					return err
				}
			}
			for _, id := range changes {
				if err := tx.Delete(changesBucket, id); err != nil {
					return err
				}
			}
			return tx.Audit(vault.AuditEntry{Action: "client.remove", Subject: num,
				Detail: fmt.Sprintf("%d snapshots, %d changes", len(history), len(changes))})
		}))
	})
}

// deleteIfThere deletes a record; none there is not an error.
func deleteIfThere(tx *vault.Tx, bucket, id string) error {
	if err := tx.Delete(bucket, id); err != nil && !errors.Is(err, vault.ErrNotFound) {
		return err
	}
	return nil
}

// ClientChanges returns the changes the filter keeps, newest first (by
// Detected, then Number).
func (d *Desk) ClientChanges(f portfolio.ChangeFilter) ([]portfolio.Change, error) {
	if f.Number != "" {
		if n, err := d.clientNumber(f.Number); err == nil {
			f.Number = n.String()
		}
	}
	var changes []portfolio.Change
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			return forEachChange(tx, func(c portfolio.Change) error {
				if keepChange(f, c) {
					changes = append(changes, c)
				}
				return nil
			})
		}))
	})
	if err != nil {
		return nil, err
	}
	return portfolio.FilterChanges(changes, f), nil
}

// keepChange reports whether filter f keeps change c, but for its Limit:
// only those are held while the vault is read.
func keepChange(f portfolio.ChangeFilter, c portfolio.Change) bool {
	f.Limit = 0
	return len(portfolio.FilterChanges([]portfolio.Change{c}, f)) == 1
}

// ClientSettings returns the client portfolio's settings; Concurrency is
// the default (8) when none is set.
func (d *Desk) ClientSettings() (ClientSettings, error) {
	s := ClientSettings{Concurrency: defaultConcurrency}
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			at, err := getSettingValue(tx, SettingClientsCheckAtStart)
			if err != nil {
				return err
			}
			s.CheckAtStart = at == "true"
			conc, err := getSettingValue(tx, SettingClientsConcurrency)
			if err != nil {
				return err
			}
			if n, err := strconv.Atoi(conc); err == nil && n >= 1 && n <= maxConcurrency {
				s.Concurrency = n
			}
			return nil
		}))
	})
	return s, err
}

// getSettingValue reads one stored setting; "" when it is not set.
func getSettingValue(tx *vault.Tx, key string) (string, error) {
	b, err := tx.Get(settingsBucket, key)
	if errors.Is(err, vault.ErrNotFound) {
		return "", nil
	}
	return string(b), err
}

// SetClientSettings stores the client portfolio's settings: Concurrency
// 0 (the default) or 1–16, else problem.CodeBadSetting. Each setting
// changed is audited, as SetSetting audits.
func (d *Desk) SetClientSettings(s ClientSettings) error {
	if s.Concurrency < 0 || s.Concurrency > maxConcurrency {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("%s %d: want 1 to %d", SettingClientsConcurrency, s.Concurrency, maxConcurrency))
	}
	values := map[string]string{SettingClientsCheckAtStart: "", SettingClientsConcurrency: ""}
	if s.CheckAtStart {
		values[SettingClientsCheckAtStart] = "true"
	}
	if s.Concurrency > 0 {
		values[SettingClientsConcurrency] = strconv.Itoa(s.Concurrency)
	}
	d.settingsMu.Lock()
	defer d.settingsMu.Unlock()
	return d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			for _, key := range []string{SettingClientsCheckAtStart, SettingClientsConcurrency} {
				old, err := getSettingValue(tx, key)
				if err != nil {
					return err
				}
				value := values[key]
				if old == value {
					continue
				}
				if value == "" {
					err = tx.Delete(settingsBucket, key)
				} else {
					err = tx.Put(settingsBucket, key, []byte(value))
				}
				if err != nil {
					return err
				}
				if err := tx.Audit(vault.AuditEntry{Action: "settings.set", Subject: key}); err != nil {
					return err
				}
			}
			return nil
		}))
	})
}

// sandboxClock returns the sandbox's clock; problem.CodeNotSandbox unless
// this desk runs in the sandbox with one.
func (d *Desk) sandboxClock() (SandboxClock, error) {
	if d.cfg.SandboxClock == nil || d.Environment() != EnvSandbox {
		return nil, problem.New(problem.CodeNotSandbox, nil)
	}
	return d.cfg.SandboxClock, nil
}

// SandboxNow is the sandbox's time; problem.CodeNotSandbox outside it.
func (d *Desk) SandboxNow() (time.Time, error) {
	c, err := d.sandboxClock()
	if err != nil {
		return time.Time{}, err
	}
	return c.Now(), nil
}

// AdvanceSandbox moves the sandbox's clock ahead by dur, so that the
// changes of its world due by then happen; problem.CodeNotSandbox outside
// the sandbox, problem.CodeBadSetting for a dur below zero. Audited.
func (d *Desk) AdvanceSandbox(dur time.Duration) error {
	c, err := d.sandboxClock()
	if err != nil {
		return err
	}
	if dur < 0 {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("the sandbox's clock goes forward only, not by %s", dur))
	}
	return d.withVault(func(v *vault.Vault) error {
		if err := d.audit(v, "sandbox.advance", "", dur.String()); err != nil {
			return err
		}
		c.Advance(dur)
		return nil
	})
}
