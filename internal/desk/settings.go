package desk

import (
	"errors"
	"fmt"
	"net/url"
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

	// BankID's AML service (registries.md §5).
	SettingBankIDURL           = "bankid.url"
	SettingBankIDOIDCURL       = "bankid.oidc_url"
	SettingBankIDHosts         = "bankid.hosts"
	SettingBankIDClientID      = "bankid.client_id"
	SettingBankIDSecret        = "bankid.client_secret"
	SettingBankIDAuth          = "bankid.auth"
	SettingBankIDCertificate   = "bankid.certificate"
	SettingBankIDOFAC          = "bankid.ofac"
	SettingBankIDCallbackURL   = "bankid.callback_url"
	SettingBankIDWebhookSecret = "bankid.webhook_secret"

	// SCB's Företagsregister (registries.md §1): the stored certificate SCB
	// sent (its CN carries the API-Id) and the API's address.
	SettingSCBCertificate = "scb.certificate"
	SettingSCBURL         = "scb.url"

	// Who makes KYC reports: printed on each report's cover.
	SettingReportFirm   = "report.firm"
	SettingReportPerson = "report.person"
)

// The values of the BankID settings that take one of a few.
const (
	// BankIDHostsProd, BankIDHostsPreprod and BankIDHostsCurrent pick
	// BankID's production, pre-production and stable test hosts
	// (registries.md §5.2).
	BankIDHostsProd    = "prod"
	BankIDHostsPreprod = "preprod"
	BankIDHostsCurrent = "current"
	// The authentication methods at BankID's token endpoint.
	BankIDAuthSecretBasic   = "client_secret_basic"
	BankIDAuthSecretPost    = "client_secret_post"
	BankIDAuthPrivateKeyJWT = "private_key_jwt"
	// BankIDOFACOn and BankIDOFACOff turn the OFAC screening on and off.
	BankIDOFACOn  = "on"
	BankIDOFACOff = "off"
)

// settingChoices are the values a setting that takes one of a few takes.
var settingChoices = map[string][]string{
	SettingBankIDHosts: {BankIDHostsProd, BankIDHostsPreprod, BankIDHostsCurrent},
	SettingBankIDAuth:  {BankIDAuthSecretBasic, BankIDAuthSecretPost, BankIDAuthPrivateKeyJWT},
	SettingBankIDOFAC:  {BankIDOFACOn, BankIDOFACOff},
}

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
			" (empty: the reporting entities' scope of the chosen API, " + SettingOwnersAPI + "); the brreg:reelle/partner.* scopes belong to the Partner API, the others to the v1 API"},
		{SettingMaskinportenCertificate, false, "name of the stored enterprise certificate that signs Maskinporten grants"},
		{SettingMaskinportenURL, false, "Maskinporten's address (empty: the environment's)"},
		{SettingRRHURL, false, "address of the Register of beneficial owners (empty: the environment's)"},
		{SettingBankIDHosts, false, "BankID's AML hosts: prod, preprod or current (empty: prod in production, current in test)"},
		{SettingBankIDURL, false, "address of BankID's AML API (empty: the hosts')"},
		{SettingBankIDOIDCURL, false, "address of BankID's OIDC realm (empty: the hosts')"},
		{SettingBankIDClientID, false, "BankID client id for the AML service"},
		{SettingBankIDSecret, true, "BankID client secret (client_secret_basic or client_secret_post)"},
		{SettingBankIDAuth, false, "how Motpart authenticates at BankID: client_secret_basic (the default), client_secret_post or private_key_jwt"},
		{SettingBankIDCertificate, false, "name of the stored certificate whose key signs private_key_jwt assertions"},
		{SettingBankIDOFAC, false, "on: also screen against the OFAC list (scope aml_organization/OFAC)"},
		{SettingBankIDCallbackURL, false, "https:// address BankID posts webhooks to (empty: polling only, the default)"},
		{SettingBankIDWebhookSecret, true, "secret that signs webhooks (the sandbox's HMAC-SHA256 scheme)"},
		{SettingOwnersAPI, false, "API of the Register of beneficial owners: partner (the default; its answer shape is confirmed from the published description) " +
			"or v1 (experimental: its answer shape is not confirmed; the only API with the change log that keeps the offline copy fresh)"},
		{SettingSCBCertificate, false, "name of the stored SCB certificate (Certifikat_SokPaVar_Annnnn...) for SCB's business register and sector file"},
		{SettingSCBURL, false, "address of SCB's Sök på var API (empty: https://privateapi.scb.se/nv0101/v1/sokpavar)"},
		{SettingReportFirm, false, "the firm's name, printed on the KYC reports it makes"},
		{SettingReportPerson, false, "the person who makes the KYC reports, printed on each one"},
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

// RegisterSettings are the settings that say which registers to ask and
// how: one typed value, read and saved in one vault transaction.
type RegisterSettings struct {
	// Environment is sandbox, test or production; empty: the sandbox.
	Environment Environment
	// BrregURL and GrunndataURL are the addresses of Enhetsregisteret's
	// open API and grunndataWS; empty: the environment's.
	BrregURL, GrunndataURL string
	// GrunndataUser and GrunndataPassword are the grunndataWS account from
	// the contract with Brønnøysund.
	GrunndataUser, GrunndataPassword string
	// MaskinportenURL is Maskinporten's address; empty: the environment's.
	MaskinportenURL string
	// MaskinportenClientID is the client id from Samarbeidsportalen.
	MaskinportenClientID string
	// MaskinportenScope is the scope of the Register of beneficial owners
	// (one of OwnerScopes); it also picks the register's API shape.
	MaskinportenScope string
	// MaskinportenCertificate names the stored enterprise certificate that
	// signs Maskinporten grants.
	MaskinportenCertificate string
	// RRHURL is the Register of beneficial owners' address; empty: the
	// environment's.
	RRHURL string
	// OwnersAPIName is the setting that picks the owners register's API
	// ("" means the Partner API); read it through OwnersAPI.
	OwnersAPIName string

	// BankIDHosts picks BankID's hosts: prod, preprod or current; empty:
	// prod in production, current in test.
	BankIDHosts string
	// BankIDURL and BankIDOIDCURL are the AML API's and the OIDC realm's
	// addresses; empty: the hosts'.
	BankIDURL, BankIDOIDCURL string
	// BankIDClientID and BankIDSecret are the client's credentials.
	BankIDClientID, BankIDSecret string
	// BankIDAuth is client_secret_basic (empty), client_secret_post or
	// private_key_jwt.
	BankIDAuth string
	// BankIDCertificate names the stored certificate that signs
	// private_key_jwt assertions.
	BankIDCertificate string
	// BankIDOFAC is "on" to add the OFAC scope.
	BankIDOFAC string
	// BankIDCallbackURL is where BankID posts webhooks; empty: polling
	// only. BankIDWebhookSecret checks their signature.
	BankIDCallbackURL, BankIDWebhookSecret string

	// SCBCertificate names the stored certificate SCB sent, for mutual
	// TLS; SCBURL is the API's address (empty: SCB's).
	SCBCertificate, SCBURL string

	// ReportFirm and ReportPerson are the firm and the person printed on
	// the KYC reports.
	ReportFirm, ReportPerson string
}

// field returns the setting key's field in s; nil for an unknown key.
func (s *RegisterSettings) field(key string) *string {
	switch key {
	case SettingEnvironment:
		return (*string)(&s.Environment)
	case SettingBrregURL:
		return &s.BrregURL
	case SettingGrunndataURL:
		return &s.GrunndataURL
	case SettingGrunndataUser:
		return &s.GrunndataUser
	case SettingGrunndataPassword:
		return &s.GrunndataPassword
	case SettingMaskinportenURL:
		return &s.MaskinportenURL
	case SettingMaskinportenClientID:
		return &s.MaskinportenClientID
	case SettingMaskinportenScope:
		return &s.MaskinportenScope
	case SettingMaskinportenCertificate:
		return &s.MaskinportenCertificate
	case SettingRRHURL:
		return &s.RRHURL
	case SettingOwnersAPI:
		return &s.OwnersAPIName
	case SettingBankIDHosts:
		return &s.BankIDHosts
	case SettingBankIDURL:
		return &s.BankIDURL
	case SettingBankIDOIDCURL:
		return &s.BankIDOIDCURL
	case SettingBankIDClientID:
		return &s.BankIDClientID
	case SettingBankIDSecret:
		return &s.BankIDSecret
	case SettingBankIDAuth:
		return &s.BankIDAuth
	case SettingBankIDCertificate:
		return &s.BankIDCertificate
	case SettingBankIDOFAC:
		return &s.BankIDOFAC
	case SettingBankIDCallbackURL:
		return &s.BankIDCallbackURL
	case SettingBankIDWebhookSecret:
		return &s.BankIDWebhookSecret
	case SettingSCBCertificate:
		return &s.SCBCertificate
	case SettingSCBURL:
		return &s.SCBURL
	case SettingReportFirm:
		return &s.ReportFirm
	case SettingReportPerson:
		return &s.ReportPerson
	}
	return nil
}

// check trims every value and says what is wrong with one, if anything.
func (s *RegisterSettings) check() error {
	for _, info := range Settings() {
		f := s.field(info.Key)
		*f = strings.TrimSpace(*f)
		if err := checkSetting(info.Key, *f); err != nil {
			return err
		}
	}
	return nil
}

// checkSetting says what is wrong with value for key, if anything.
func checkSetting(key, value string) error {
	if value == "" {
		return nil
	}
	if key == SettingEnvironment {
		switch Environment(value) {
		case EnvSandbox, EnvTest, EnvProduction:
		default:
			return problem.New(problem.CodeBadSetting, fmt.Errorf("environment %q: want sandbox, test or production", value))
		}
	}
	if key == SettingOwnersAPI && value != OwnersAPIPartner && value != OwnersAPIV1 {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("%s %q: want %s or %s", key, value, OwnersAPIPartner, OwnersAPIV1))
	}
	if key == SettingMaskinportenScope && !slices.Contains(OwnerScopes(), value) {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("scope %q: want one of %s", value, strings.Join(OwnerScopes(), ", ")))
	}
	if choices, ok := settingChoices[key]; ok && !slices.Contains(choices, value) {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("%s %q: want one of %s", key, value, strings.Join(choices, ", ")))
	}
	if (strings.HasSuffix(key, ".url") || strings.HasSuffix(key, "_url")) && !httpsURL(value) {
		return problem.New(problem.CodeBadSetting, fmt.Errorf("%s must be an https:// address", key))
	}
	return nil
}

// httpsURL reports whether value is an https:// address with a host.
func httpsURL(value string) bool {
	u, err := url.Parse(value)
	return err == nil && u.Scheme == "https" && u.Host != ""
}

// RegisterSettings returns the register settings stored in the vault.
func (d *Desk) RegisterSettings() (RegisterSettings, error) {
	var s RegisterSettings
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.View(func(tx *vault.Tx) error {
			for _, info := range Settings() {
				b, err := tx.Get(settingsBucket, info.Key)
				if errors.Is(err, vault.ErrNotFound) {
					continue
				}
				if err != nil {
					return err
				}
				*s.field(info.Key) = string(b)
			}
			return nil
		}))
	})
	return s, err
}

// SaveRegisterSettings checks s and stores it in one vault transaction,
// with an audit entry (never the value) for each setting it changes. The
// register clients are then built again from it.
func (d *Desk) SaveRegisterSettings(s RegisterSettings) error {
	if err := s.check(); err != nil {
		return err
	}
	err := d.withVault(func(v *vault.Vault) error {
		return vaultProblem(v.Update(func(tx *vault.Tx) error {
			for _, info := range Settings() {
				value := *s.field(info.Key)
				old, err := tx.Get(settingsBucket, info.Key)
				switch {
				case errors.Is(err, vault.ErrNotFound):
					old = nil
				case err != nil:
					return err
				}
				if string(old) == value {
					continue
				}
				if value == "" {
					err = tx.Delete(settingsBucket, info.Key)
				} else {
					err = tx.Put(settingsBucket, info.Key, []byte(value))
				}
				if err != nil {
					return err
				}
				if err := tx.Audit(vault.AuditEntry{Action: "settings.set", Subject: info.Key}); err != nil {
					return err
				}
			}
			return nil
		}))
	})
	if err == nil {
		d.dropRegisters()
	}
	return err
}

// Setting returns the value of key; "" when it is not set.
func (d *Desk) Setting(key string) (string, error) {
	if _, ok := settingInfo(key); !ok {
		return "", problem.New(problem.CodeUnknownSetting, fmt.Errorf("setting %q", key))
	}
	s, err := d.RegisterSettings()
	if err != nil {
		return "", err
	}
	return *s.field(key), nil
}

// SetSetting stores value under key ("" removes it) and records the change
// (never the value) in the audit log. It changes one field of the
// RegisterSettings.
func (d *Desk) SetSetting(key, value string) error {
	if _, ok := settingInfo(key); !ok {
		return problem.New(problem.CodeUnknownSetting, fmt.Errorf("setting %q", key))
	}
	value = strings.TrimSpace(value)
	if err := checkSetting(key, value); err != nil {
		return err
	}
	d.settingsMu.Lock()
	defer d.settingsMu.Unlock()
	s, err := d.RegisterSettings()
	if err != nil {
		return err
	}
	*s.field(key) = value
	return d.SaveRegisterSettings(s)
}

// SetSettings stores several settings at once ("" removes one), all or
// none, in one vault transaction: the Settings screen's Save. Every value
// is checked before anything is written.
func (d *Desk) SetSettings(values map[string]string) error {
	for key, value := range values {
		if _, ok := settingInfo(key); !ok {
			return problem.New(problem.CodeUnknownSetting, fmt.Errorf("setting %q", key))
		}
		if err := checkSetting(key, strings.TrimSpace(value)); err != nil {
			return err
		}
	}
	d.settingsMu.Lock()
	defer d.settingsMu.Unlock()
	s, err := d.RegisterSettings()
	if err != nil {
		return err
	}
	for key, value := range values {
		*s.field(key) = strings.TrimSpace(value)
	}
	return d.SaveRegisterSettings(s)
}

// Environment is the environment lookups use now: the run's choice, else
// the setting, else the sandbox.
func (d *Desk) Environment() Environment {
	s, _ := d.RegisterSettings()
	return d.environment(s)
}

// EnvironmentName is the environment as the window shows it: "sandbox",
// "test" or "production"; "" while it cannot be known, because the vault
// that holds the setting is locked and this run chose none. A vault not
// made yet starts in the sandbox.
func (d *Desk) EnvironmentName() string {
	switch {
	case d.cfg.Environment != "":
		return string(d.cfg.Environment)
	case d.Unlocked():
		return string(d.Environment())
	case !d.VaultExists():
		return string(EnvSandbox)
	}
	return ""
}

// environment resolves the environment of settings s.
func (d *Desk) environment(s RegisterSettings) Environment {
	switch {
	case d.cfg.Environment != "":
		return d.cfg.Environment
	case s.Environment != "":
		return s.Environment
	}
	return EnvSandbox
}

// BankIDAddresses returns the addresses of BankID's AML API and OIDC realm
// for the hosts setting (registries.md §5.2): prod, preprod or current;
// "" for another value.
func BankIDAddresses(hosts string) (api, oidc string) {
	switch hosts {
	case BankIDHostsProd:
		return "https://aml.bankidapis.no", "https://oidc.bankidapis.no/auth/realms/prod"
	case BankIDHostsPreprod:
		return "https://aml-preprod.bankidapis.no", "https://oidc-preprod.bankidapis.no/auth/realms/preprod"
	case BankIDHostsCurrent:
		return "https://aml-current.bankidapis.no", "https://oidc-current.bankidapis.no/auth/realms/current"
	}
	return "", ""
}

// BankIDAddresses is the package's BankIDAddresses, for the window, which
// shows the addresses of the hosts a user chooses.
func (d *Desk) BankIDAddresses(hosts string) (api, oidc string) { return BankIDAddresses(hosts) }
