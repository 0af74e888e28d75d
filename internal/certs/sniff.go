package certs

// Sniff tells from data's first bytes alone, without a password, whether
// it can be a PKCS#12 (.pfx or .p12) file: nil when it begins as one does
// (a DER SEQUENCE holding version 3), otherwise the *Error with
// CodeNotPKCS12 that Parse would return, saying what the data looks like
// (a PEM text file, a ZIP archive, base64 text...). Callers use it to
// refuse such a file before they ask for its password.
func Sniff(data []byte) error {
	if len(data) > MaxFileSize {
		return errTooLarge()
	}
	if !startsLikePKCS12(data) {
		return notPKCS12(data)
	}
	return nil
}
