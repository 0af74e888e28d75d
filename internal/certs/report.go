package certs

import "time"

// InspectReport is the command line's JSON for one certificate file. Every
// field is always present: on error the certificate fields hold zero
// values ("" and 0), and Uses and Warnings are [] rather than null.
type InspectReport struct {
	OK          bool           `json:"ok"`
	Error       *ReportError   `json:"error"` // null when OK
	Subject     string         `json:"subject"`
	Issuer      string         `json:"issuer"`
	Serial      string         `json:"serial"`     // upper-case hex, see Info.Serial
	NotBefore   string         `json:"not_before"` // RFC 3339, UTC
	NotAfter    string         `json:"not_after"`  // RFC 3339, UTC
	DaysLeft    int            `json:"days_left"`
	Status      Status         `json:"status"`
	Key         ReportKey      `json:"key"`
	ClientAuth  bool           `json:"client_auth"`
	ChainLength int            `json:"chain_length"`
	Identity    ReportIdentity `json:"identity"`
	Uses        []Use          `json:"uses"`
	Warnings    []Warning      `json:"warnings"`
}

// ReportError is the "error" object of an InspectReport.
type ReportError struct {
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

// ReportKey is the "key" object of an InspectReport.
type ReportKey struct {
	Type KeyType `json:"type"`
	Bits int     `json:"bits"`
}

// ReportIdentity is the "identity" object of an InspectReport; "" where
// unknown.
type ReportIdentity struct {
	Country   string `json:"country"`
	OrgNumber string `json:"org_number"` // 9 digits
	SCBAPIID  string `json:"scb_api_id"` // Annnnn
	YTunnus   string `json:"y_tunnus"`   // NNNNNNN-C
}

// Report builds the JSON object for a certificate described by info, and
// err, the error from Parse or from CanImport (or nil).
//
// With err set, OK is false and Error holds err's Code (CodeInternal for an
// error that is not an *Error) and its text. With info set, the certificate
// fields describe it, so a certificate that cannot be imported (err from
// CanImport) is still shown; with info nil they are zero values.
func Report(info *Info, err error) InspectReport {
	r := InspectReport{OK: err == nil, Uses: []Use{}, Warnings: []Warning{}}
	if err != nil {
		code := CodeOf(err)
		if code == "" {
			code = CodeInternal
		}
		r.Error = &ReportError{Code: code, Message: err.Error()}
	}
	if info == nil {
		return r
	}
	r.Subject = info.Subject
	r.Issuer = info.Issuer
	r.Serial = info.Serial
	r.NotBefore = info.NotBefore.UTC().Format(time.RFC3339)
	r.NotAfter = info.NotAfter.UTC().Format(time.RFC3339)
	r.DaysLeft = info.DaysLeft
	r.Status = info.Status
	r.Key = ReportKey{Type: info.KeyType, Bits: info.KeyBits}
	r.ClientAuth = info.ClientAuth
	r.ChainLength = info.ChainLength
	r.Identity = ReportIdentity{
		Country:   info.Identity.Country,
		OrgNumber: info.Identity.OrgNumber.String(),
		SCBAPIID:  info.Identity.SCBAPIID,
		YTunnus:   info.Identity.YTunnus.String(),
	}
	if info.Uses != nil {
		r.Uses = info.Uses
	}
	if info.Warnings != nil {
		r.Warnings = info.Warnings
	}
	return r
}
