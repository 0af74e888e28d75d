package desk

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/motpart/motpart/internal/problem"
	"github.com/motpart/motpart/internal/vault"
)

// settingsBucket holds the user's settings, one record per key. They live
// in the vault because some are secrets (register passwords).
const settingsBucket = "settings"

// Environment names which hosts the register clients talk to.
type Environment string

// The environments.
const (
	EnvSandbox    Environment = "sandbox"    // the local simulators, started in-process
	EnvTest       Environment = "test"       // the registers' official test hosts
	EnvProduction Environment = "production" // the registers themselves
)

// Setting keys.
const (
	SettingEnvironment       = "environment"
	SettingBrregURL          = "brreg.url"
	SettingGrunndataURL      = "grunndata.url"
	SettingGrunndataUser     = "grunndata.userid"
	SettingGrunndataPassword = "grunndata.password"
)

// SettingInfo describes one setting.
type SettingInfo struct {
	Key string
	// Secret settings are never shown or printed, only whether they are set.
	Secret bool
	// Description says what it is, in English.
	Description string
}

// Settings lists every setting a user can change.
func Settings() []SettingInfo {
	return []SettingInfo{
		{SettingEnvironment, false, "which registers to use: sandbox (local simulators), test or production"},
		{SettingBrregURL, false, "address of Enhetsregisteret's open API (empty: the environment's)"},
		{SettingGrunndataURL, false, "address of grunndataWS (empty: the environment's)"},
		{SettingGrunndataUser, false, "grunndataWS user id, from the contract with Brønnøysund"},
		{SettingGrunndataPassword, true, "grunndataWS password"},
		{SettingMaskinportenClientID, false, "Maskinporten client id (from Samarbeidsportalen)"},
		{SettingMaskinportenScope, false, "Maskinporten scope for the Register of beneficial owners: " + strings.Join(OwnerScopes(), ", ") +
			"; the brreg:reelle/partner.* scopes use the Partner API, the others the v1 API (experimental, shape not confirmed)"},
		{SettingMaskinportenCertificate, false, "name of the stored enterprise certificate that signs Maskinporten grants"},
		{SettingMaskinportenURL, false, "Maskinporten's address (empty: the environment's)"},
		{SettingRRHURL, false, "address of the Register of beneficial owners (empty: the environment's)"},
	}
}

// settingInfo returns the description of key.
func settingInfo(key string) (SettingInfo, bool) {
	i := slices.IndexFunc(Settings(), func(s SettingInfo) bool { return s.Key == key })
	if i < 0 {
		return SettingInfo{}, false
	}
	return Settings()[i], true
}

// Setting returns the value of key; "" when it is not set.
func (d *Desk) Setting(key string) (string, error) {
	if _, ok := settingInfo(key); !ok {
		return "", problem.New(problem.CodeUnknownSetting, fmt.Errorf("setting %q", key))
	}
	var value string
	err := d.withVault(func(v *vault.Vault) error {
		b, err := v.Get(settingsBucket, key)
		if errors.Is(err, vault.ErrNotFound) {
			return nil
		}
		if err != nil {
			return vaultProblem(err)
		}
		value = string(b)
		return nil
	})
	return value, err
}

// SetSetting stores value under key ("" removes it) and records the change
// (never the value) in the audit log.
func (d *Desk) SetSetting(key, value string) error {
	if _, ok := settingInfo(key); !ok {
		return problem.New(problem.CodeUnknownSetting, fmt.Errorf("setting %q", key))
	}
	value = strings.TrimSpace(value)
	if key == SettingEnvironment && value != "" {
		switch Environment(value) {
		case EnvSandbox, EnvTest, EnvProduction:
		default:
			return problem.New(problem.CodeBadSetting, fmt.Errorf("environment %q: want sandbox, test or production", value))
		}
	}
	if key == SettingMaskinportenScope && value != "" && !slices.Contains(OwnerScopes(), value) {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("scope %q: want one of %s", value, strings.Join(OwnerScopes(), ", ")))
	}
	if strings.HasSuffix(key, ".url") && value != "" && !strings.HasPrefix(value, "https://") {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("%s must be an https:// address", key))
	}
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			var err error
			if value == "" {
				err = tx.Delete(settingsBucket, key)
				if errors.Is(err, vault.ErrNotFound) {
					err = nil
				}
			} else {
				err = tx.Put(settingsBucket, key, []byte(value))
			}
			if err != nil {
				return err
			}
			return tx.Audit(vault.AuditEntry{Action: "settings.set", Subject: key})
		}))
	})
	if err == nil {
		d.resetClients()
	}
	return err
}
