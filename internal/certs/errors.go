package certs

import (
	"errors"

	"github.com/motpart/motpart/internal/certinfo"
	"github.com/motpart/motpart/internal/problem"
)

// Code names why a certificate file was refused or cannot be used. Codes are
// stable: they appear in the command line's JSON and the window turns them
// into words.
type Code string

// The codes. Parse and Unmarshal return the first five; Info.CanImport
// returns the last two.
const (
	// CodeNotPKCS12: the input is not a PKCS#12 file at all: it does not
	// begin with an ASN.1 SEQUENCE holding the version number 3 (a PEM
	// file, a ZIP archive, random bytes, an empty file), or it is larger
	// than MaxFileSize.
	CodeNotPKCS12 Code = "not_pkcs12"
	// CodeDamaged: the input starts like a PKCS#12 file but is cut off,
	// corrupted, or uses a PKCS#12 feature this package cannot read
	// (BER encoding, public-key integrity, more than one private key,
	// unknown algorithms). Unmarshal uses it for any broken stored form.
	CodeDamaged Code = "damaged"
	// CodeWrongPassword: the password does not open the file.
	CodeWrongPassword Code = "wrong_password"
	// CodeNoPrivateKey: the file holds certificates but no private key,
	// like a trust store.
	CodeNoPrivateKey Code = "no_private_key"
	// CodeKeyMismatch: the private key belongs to none of the certificates
	// in the file.
	CodeKeyMismatch Code = "key_mismatch"
	// CodeExpired: the certificate's validity period has ended.
	CodeExpired Code = "expired"
	// CodeNotYetValid: the certificate's validity period has not begun.
	CodeNotYetValid Code = "not_yet_valid"
)

// CodeInternal is never returned by this package. Report uses it for errors
// that are not an *Error, such as a failure to read the file.
const CodeInternal Code = "internal"

// Error is a refusal with a stable Code. Detail, when set, says more in
// English; Err, when set, is the underlying cause. Errors never contain the
// password.
type Error struct {
	Code   Code
	Detail string
	Err    error
}

// summary returns the English sentence for a code.
func (c Code) summary() string {
	switch c {
	case CodeNotPKCS12:
		return "the file is not a PKCS#12 (.pfx or .p12) certificate file"
	case CodeDamaged:
		return "the certificate file is damaged or cannot be read"
	case CodeWrongPassword:
		return "the password does not open the certificate file"
	case CodeNoPrivateKey:
		return "the file holds no private key, only certificates"
	case CodeKeyMismatch:
		return "the private key in the file does not belong to its certificate"
	case CodeExpired:
		return "the certificate has expired"
	case CodeNotYetValid:
		return "the certificate is not valid yet"
	}
	return string(c)
}

// Error describes the problem in English, for logs and the command line:
// "certs: " and a sentence for the code, then the detail and the cause.
func (e *Error) Error() string {
	s := "certs: " + e.Code.summary()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Problem returns the problem code of the refusal, so that the window and
// the command line translate certificate problems like any other.
func (e *Error) Problem() problem.Code { return ProblemOf(e.Code) }

// ProblemOf returns the problem code for c, problem.CodeInternal for
// CodeInternal and unknown codes. (A function, not a method, so that Code
// may become an alias of a vocabulary type.)
func ProblemOf(c Code) problem.Code { return certinfo.Code(c).Problem() }

// CodeOf returns the Code of the *Error in err's chain, "" for nil and for
// an error without one.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// fail returns an *Error.
func fail(code Code, detail string, cause error) *Error {
	return &Error{Code: code, Detail: detail, Err: cause}
}
