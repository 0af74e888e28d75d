package guikit

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/problem"
)

// DateLayout is the ISO layout of the day stamps Motpart keeps (the day of
// the last expiry notice). Dates shown to the user go through Format.
const DateLayout = "2006-01-02"

// isSCBFileName reports whether a file name looks like one SCB sends
// (Certifikat_<service>_Annnnn_<time>.pfx), so hints can name SCB.
func isSCBFileName(name string) bool {
	return strings.HasPrefix(strings.ToLower(name), "certifikat_")
}

// CertPasswordHint says where the password of a certificate file is found.
func CertPasswordHint(fileName string) string {
	if isSCBFileName(fileName) {
		return lang.L("SCB sends the password in a separate e-mail, after the one with the certificate file.")
	}
	return lang.L("The password came separately from the file: SCB and the Incomes Register send it in another e-mail; for an enterprise certificate (Buypass, Commfides) it came with the order, by letter or text message.")
}

// CertProblemText says what went wrong with a certificate file and what to
// do, or "" when err is no certificate problem.
func CertProblemText(err error, fileName string) string {
	switch code := problem.CauseOf(err); code {
	case problem.CodeCertWrongPassword:
		if isSCBFileName(fileName) {
			return lang.L("The password does not open this file. SCB sends the password in a separate e-mail.")
		}
		return codeText(code)
	case problem.CodeCertNotPKCS12, problem.CodeCertDamaged, problem.CodeCertNoPrivateKey,
		problem.CodeCertKeyMismatch, problem.CodeCertExpired, problem.CodeCertNotYetValid:
		return codeText(code)
	}
	return ""
}

// CertUsesText lists what a certificate can be used for, in words.
func CertUsesText(info *certinfo.Info) string {
	var parts []string
	for _, u := range info.Uses {
		switch u {
		case certinfo.UseSCB:
			if info.Identity.SCBAPIID != "" {
				parts = append(parts, lang.L("SCB's business register (API-Id {{.ID}})", map[string]any{"ID": info.Identity.SCBAPIID}))
			} else {
				parts = append(parts, lang.L("SCB's business register"))
			}
		case certinfo.UseMaskinporten:
			parts = append(parts, lang.L("Maskinporten and the Register of beneficial owners (organisation number {{.Number}})", map[string]any{"Number": info.Identity.OrgNumber.String()}))
		case certinfo.UseIncomesRegister:
			parts = append(parts, lang.L("the Finnish Incomes Register (Y-tunnus {{.Number}})", map[string]any{"Number": info.Identity.YTunnus.String()}))
		}
	}
	return strings.Join(parts, "; ")
}

// CertSummaryText is the wizard's plain-words summary of a certificate.
func CertSummaryText(info *certinfo.Info) string {
	holder := map[string]any{"Holder": info.Holder}
	text := lang.L("This certificate belongs to {{.Holder}}.", holder)
	if uses := CertUsesText(info); uses != "" {
		text += " " + lang.L("Motpart can use it for {{.Uses}}.", map[string]any{"Uses": uses})
	} else {
		text += " " + lang.L("Motpart does not recognise which register it is for; it can still be kept in the vault.")
	}
	return text + " " + CertValidityText(info)
}

// CertValidityText says until when a certificate is valid.
func CertValidityText(info *certinfo.Info) string {
	data := map[string]any{"Date": Format().Day(info.NotAfter.Local()), "Days": info.DaysLeft}
	switch info.Status {
	case certinfo.StatusExpired:
		return lang.L("It expired on {{.Date}}.", data)
	case certinfo.StatusNotYetValid:
		return lang.L("It becomes valid on {{.Date}}.", map[string]any{"Date": Format().Day(info.NotBefore.Local())})
	}
	return lang.L("Valid until {{.Date}}, {{.Days}} days from now.", data)
}

// CertWarningText says what a warning means and what to do about it.
func CertWarningText(w certinfo.Warning) string {
	switch w {
	case certinfo.WarnNotClientAuth:
		return lang.L("It is not meant for signing in to services (client authentication), so the registers will probably refuse it. Check that this is the right file.")
	case certinfo.WarnExpiringSoon:
		return lang.L("It expires within 60 days. Order a renewal from the register now; it takes time.")
	case certinfo.WarnChainIncomplete:
		return lang.L("The file lacks some of the issuer's certificates. Motpart can still use it, but a register may refuse it; ask for a file with the whole chain.")
	case certinfo.WarnWeakKey:
		return lang.L("Its key is shorter than 2048 bits, which the registers no longer accept. Order a new certificate.")
	}
	return string(w)
}
