package certs

import (
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/certs/certstest"
)

func TestSniff(t *testing.T) {
	pfx := certstest.PFX(t, certstest.Options{Subject: certstest.SCB("A00494"), Password: "hemligt"})
	tests := []struct {
		name       string
		data       []byte
		wantCode   Code
		wantDetail string
	}{
		{"PKCS#12", pfx, "", ""},
		{"empty", nil, CodeNotPKCS12, "the file is empty"},
		{"PEM", []byte("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"), CodeNotPKCS12, "it is a PEM text file; ask for the .pfx or .p12 file"},
		{"ZIP", []byte("PK\x03\x04\x14\x00"), CodeNotPKCS12, "it is a ZIP archive; unpack it and choose the .pfx or .p12 file inside"},
		{"base64", []byte("MIIKZgIBAzCCCi"), CodeNotPKCS12, "it looks like base64 text, not the binary file"},
		{"text", []byte("From: scb@example.se\r\n\r\nHej!"), CodeNotPKCS12, ""},
		{"too large", []byte(strings.Repeat("x", MaxFileSize+1)), CodeNotPKCS12, "the file is larger than 1 MiB; a certificate file is a few kilobytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Sniff(tt.data)
			if CodeOf(err) != tt.wantCode {
				t.Fatalf("Sniff: %v, want code %q", err, tt.wantCode)
			}
			if err == nil {
				return
			}
			if e := err.(*Error); e.Detail != tt.wantDetail {
				t.Errorf("detail %q, want %q", e.Detail, tt.wantDetail)
			}
			// Parse refuses it the same way, whatever the password.
			if _, perr := Parse(tt.data, "any", "x.pfx"); perr.Error() != err.Error() {
				t.Errorf("Parse says %v, Sniff %v", perr, err)
			}
		})
	}
}
