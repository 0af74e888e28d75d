package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/motpart/motpart/internal/gui/guikit"
)

// Setting keys of BankID's AML service (internal/desk's SettingBankID*).
const (
	settingBankIDHosts         = "bankid.hosts"
	settingBankIDURL           = "bankid.url"
	settingBankIDOIDCURL       = "bankid.oidc_url"
	settingBankIDClientID      = "bankid.client_id"
	settingBankIDSecret        = "bankid.client_secret"
	settingBankIDAuth          = "bankid.auth"
	settingBankIDCertificate   = "bankid.certificate"
	settingBankIDOFAC          = "bankid.ofac"
	settingBankIDCallbackURL   = "bankid.callback_url"
	settingBankIDWebhookSecret = "bankid.webhook_secret"
)

// bankIDHosts are the values of the hosts setting the select offers after
// "Default for the environment", in its order; the desk gives their
// addresses (BankIDAddresses), shown so a user sees where Motpart will go.
func bankIDHosts() []string { return []string{"prod", "preprod", "current"} }

func bankIDHostNames() []string {
	return []string{lang.L("Default for the environment"), lang.L("Production"), lang.L("Pre-production"), lang.L("Current (BankID's stable test)")}
}

// bankIDAuths are the values of the authentication setting, in the
// select's order; the first is the default, stored as "".
func bankIDAuths() []string {
	return []string{"client_secret_basic", "client_secret_post", "private_key_jwt"}
}

func bankIDAuthNames() []string {
	return []string{lang.L("Secret in the header (client_secret_basic)"), lang.L("Secret in the form (client_secret_post)"),
		lang.L("Certificate signature (private_key_jwt)")}
}

// bankIDSection is the part of the Settings screen that connects Motpart
// to BankID's AML service, which makes the AML report and the certificate
// of registration. The client and the OFAC choice show at once; the hosts,
// the authentication method and the webhooks are under their own
// Advanced.
type bankIDSection struct {
	clientID *guikit.Entry
	secret   *guikit.Entry
	ofac     *widget.Check
	// sandbox says the sandbox's BankID needs none of this; shown while
	// practice data is chosen.
	sandbox *widget.Label

	hosts         *widget.Select
	hostsInfo     *widget.Label
	auth          *widget.Select
	certificate   *widget.Select
	apiURL        *guikit.Entry
	oidcURL       *guikit.Entry
	callbackURL   *guikit.Entry
	webhookSecret *guikit.Entry
	advanced      *widget.Accordion
	// environment is the index of the environment chosen on the page
	// (sandbox, test, production), for the hosts' default.
	environment int
	// addresses gives the addresses of a hosts value (the desk's table).
	addresses func(hosts string) (api, oidc string)
}

func newBankIDSection(h *guikit.Host, addresses func(hosts string) (api, oidc string)) *bankIDSection {
	b := &bankIDSection{addresses: addresses,
		clientID:      guikit.NewEntry(h),
		secret:        guikit.NewPasswordEntry(h),
		sandbox:       guikit.WrapLabel(lang.L("With practice data, the sandbox's BankID needs none of this: leave these fields empty.")),
		hostsInfo:     guikit.WrapLabel(""),
		apiURL:        guikit.NewEntry(h),
		oidcURL:       guikit.NewEntry(h),
		callbackURL:   guikit.NewEntry(h),
		webhookSecret: guikit.NewPasswordEntry(h),
	}
	b.clientID.SetPlaceHolder(lang.L("From your agreement with BankID"))
	b.ofac = widget.NewCheck(lang.L("Also screen against the OFAC list (USA)"), nil)
	b.hostsInfo.SizeName = theme.SizeNameCaptionText
	b.hostsInfo.Importance = widget.LowImportance
	b.hosts = widget.NewSelect(bankIDHostNames(), func(string) { b.showHosts() })
	b.auth = widget.NewSelect(bankIDAuthNames(), func(string) { b.showCertificate() })
	b.certificate = widget.NewSelect(nil, nil)
	b.certificate.PlaceHolder = lang.L("Choose…")
	b.apiURL.SetPlaceHolder(lang.L("Default for the hosts chosen above"))
	b.oidcURL.SetPlaceHolder(lang.L("Default for the hosts chosen above"))
	b.callbackURL.SetPlaceHolder(lang.L("Empty: Motpart asks BankID (polling)"))
	return b
}

// load shows the stored settings that get returns: never a secret, only
// whether it is set. certificates are the stored certificates' names.
func (b *bankIDSection) load(get func(string) string, certificates []string) {
	b.clientID.SetText(get(settingBankIDClientID))
	b.secret.SetText("")
	b.secret.SetPlaceHolder(secretPlaceHolder(get(settingBankIDSecret)))
	b.ofac.SetChecked(get(settingBankIDOFAC) == "on")
	b.hosts.SetSelectedIndex(0)
	for i, h := range bankIDHosts() {
		if h == get(settingBankIDHosts) {
			b.hosts.SetSelectedIndex(i + 1)
		}
	}
	b.auth.SetSelectedIndex(0)
	for i, a := range bankIDAuths() {
		if a == get(settingBankIDAuth) {
			b.auth.SetSelectedIndex(i)
		}
	}
	b.fillCertificates(certificates, get(settingBankIDCertificate))
	b.apiURL.SetText(get(settingBankIDURL))
	b.oidcURL.SetText(get(settingBankIDOIDCURL))
	b.callbackURL.SetText(get(settingBankIDCallbackURL))
	b.webhookSecret.SetText("")
	b.webhookSecret.SetPlaceHolder(secretPlaceHolder(get(settingBankIDWebhookSecret)))
	b.showCertificate()
}

// secretPlaceHolder says whether a secret is stored, never what it is.
func secretPlaceHolder(stored string) string {
	if stored != "" {
		return lang.L("Stored; type to replace")
	}
	return lang.L("Not set")
}

// fillCertificates offers the stored certificates to sign private_key_jwt
// assertions, with chosen selected.
func (b *bankIDSection) fillCertificates(names []string, chosen string) {
	b.certificate.Options = names
	b.certificate.ClearSelected()
	if chosen != "" {
		b.certificate.SetSelected(chosen)
	}
}

// values adds the section's settings to the page's Save: "" removes one
// (the default authentication and hosts are stored as none); a secret
// field left empty keeps the stored secret.
func (b *bankIDSection) values(values map[string]string) {
	values[settingBankIDClientID] = b.clientID.Text
	values[settingBankIDOFAC] = ""
	if b.ofac.Checked {
		values[settingBankIDOFAC] = "on"
	}
	values[settingBankIDHosts] = ""
	if i := b.hosts.SelectedIndex(); i > 0 {
		values[settingBankIDHosts] = bankIDHosts()[i-1]
	}
	values[settingBankIDAuth] = ""
	values[settingBankIDCertificate] = ""
	if i := b.auth.SelectedIndex(); i > 0 {
		values[settingBankIDAuth] = bankIDAuths()[i]
	}
	if b.usesCertificate() {
		values[settingBankIDCertificate] = b.certificate.Selected
	}
	values[settingBankIDURL] = b.apiURL.Text
	values[settingBankIDOIDCURL] = b.oidcURL.Text
	values[settingBankIDCallbackURL] = b.callbackURL.Text
	if b.secret.Text != "" {
		values[settingBankIDSecret] = b.secret.Text
	}
	if b.webhookSecret.Text != "" {
		values[settingBankIDWebhookSecret] = b.webhookSecret.Text
	}
}

// usesCertificate reports whether private_key_jwt is chosen.
func (b *bankIDSection) usesCertificate() bool {
	return b.auth.SelectedIndex() == len(bankIDAuths())-1
}

// showCertificate lets the certificate be chosen only for private_key_jwt.
func (b *bankIDSection) showCertificate() {
	if b.usesCertificate() {
		b.certificate.Enable()
	} else {
		b.certificate.Disable()
	}
}

// environmentChosen follows the page's environment (its index in
// environments()): the sandbox note shows for practice data, and the
// hosts' default is the environment's.
func (b *bankIDSection) environmentChosen(index int) {
	b.environment = index
	if index <= 0 {
		b.sandbox.Show()
	} else {
		b.sandbox.Hide()
	}
	b.showHosts()
}

// showHosts writes the addresses of the hosts chosen under the select.
func (b *bankIDSection) showHosts() {
	i := b.hosts.SelectedIndex()
	if i <= 0 {
		switch b.environment {
		case 2: // production
			i = 1
		case 1: // the registers' test services
			i = 3
		default:
			b.hostsInfo.SetText(lang.L("With practice data Motpart uses the sandbox's BankID on this computer."))
			return
		}
	}
	api, oidc := b.addresses(bankIDHosts()[i-1])
	b.hostsInfo.SetText(lang.L("AML service {{.API}}, sign-in {{.OIDC}}", map[string]any{"API": api, "OIDC": oidc}))
}

// content is the section: the client and the OFAC choice, then Advanced.
func (b *bankIDSection) content() []fyne.CanvasObject {
	client := widget.NewForm(
		widget.NewFormItem(lang.L("BankID client id"), explained(b.clientID,
			lang.L("The AML report and the certificate of registration come from BankID's AML service. Your agreement with BankID gives the client id and its secret."))),
		widget.NewFormItem(lang.L("BankID client secret"), b.secret),
		widget.NewFormItem(lang.L("Sanctions screening"), explained(b.ofac,
			lang.L("BankID screens against its sanctions and PEP lists. The US OFAC list is an extra permission (aml_organization/OFAC) that your agreement with BankID must include."))),
	)
	hostsField := container.NewVBox(b.hosts, b.hostsInfo)
	advanced := widget.NewForm(
		widget.NewFormItem(lang.L("BankID hosts"), hostsField),
		widget.NewFormItem(lang.L("Sign-in method"), b.auth),
		widget.NewFormItem(lang.L("Signing certificate"), explained(b.certificate,
			lang.L("Only for the certificate signature: the stored certificate whose key signs Motpart's sign-in. Import it under Certificates first."))),
		widget.NewFormItem(lang.L("AML service address"), explained(b.apiURL,
			lang.L("Leave both addresses empty to use the hosts'. Fill in only if a proxy stands between."))),
		widget.NewFormItem(lang.L("Sign-in address"), b.oidcURL),
		widget.NewFormItem(lang.L("Callback address"), explained(b.callbackURL,
			lang.L("Empty is the default and works behind a firm's router: Motpart asks BankID how an order goes. Fill in an https:// address only if BankID can reach it and it runs “motpart aml receive”, which then wakes Motpart at once."))),
		widget.NewFormItem(lang.L("Webhook secret"), explained(b.webhookSecret,
			lang.L("Signs BankID's messages to the callback address; needed only with one."))),
	)
	b.advanced = widget.NewAccordion(widget.NewAccordionItem(lang.L("Advanced: BankID hosts, sign-in and webhooks"), advanced))
	return []fyne.CanvasObject{heading(lang.L("Order AML documents from BankID")), b.sandbox, client, b.advanced}
}
