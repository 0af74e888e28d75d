package certs

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
	"hash"
	"unicode/utf16"
)

// This file decrypts, without go-pkcs12, the shrouded key bags that scan
// finds in unencrypted SafeContents, so that when the integrity check (MAC)
// fails a wrong password can be told from a damaged file: PBES2 (PBKDF2 with
// AES-CBC or 3DES-CBC) and PKCS#12's own key derivation (RFC 7292 appendix
// B.2).

// keyOpens reports whether password decrypts one of the unencrypted-safe key
// bags into a parseable PKCS#8 private key. When the MAC fails but the key
// opens, the password is right and the file is damaged.
func (l *layout) keyOpens(password string) bool {
	pws := []string{password}
	if alt, ok := bytewisePassword(password); ok {
		pws = append(pws, alt)
	}
	for _, der := range l.shrouded {
		for _, pw := range pws {
			if _, err := decryptShroudedKey(der, pw); err == nil {
				return true
			}
		}
	}
	return false
}

// decryptShroudedKey decrypts a PKCS#8 EncryptedPrivateKeyInfo protected by
// PBES2 (PBKDF2 with AES-CBC or 3DES-CBC) or by PKCS#12's
// pbeWithSHAAnd3-KeyTripleDES-CBC, and parses the key.
func decryptShroudedKey(der []byte, password string) (any, error) {
	var info encryptedPrivateKeyInfo
	if err := unmarshal(der, &info); err != nil {
		return nil, fmt.Errorf("reading the encrypted key: %w", err)
	}
	if err := checkPBECost(info.Algorithm); err != nil {
		return nil, err
	}
	var candidates [][]byte
	switch {
	case info.Algorithm.Algorithm.Equal(oidPBES2):
		// PBES2 takes the password as UTF-8 bytes (RFC 8018, OpenSSL, Windows).
		plain, err := decryptPBES2(info.Algorithm.Parameters.FullBytes, []byte(password), info.EncryptedData)
		if err != nil {
			return nil, err
		}
		candidates = append(candidates, plain)
	case info.Algorithm.Algorithm.Equal(oidPBEWithSHA3DES):
		var p pbeParams
		if err := unmarshal(info.Algorithm.Parameters.FullBytes, &p); err != nil {
			return nil, fmt.Errorf("reading the PBE parameters: %w", err)
		}
		pw, ok := bmpPassword(password)
		if !ok {
			return nil, errors.New("the password has characters outside the BMP")
		}
		pws := [][]byte{pw}
		if password == "" {
			pws = append(pws, nil) // some tools use no bytes at all for ""
		}
		for _, pw := range pws {
			key := pkcs12KDF(sha1.New, 64, p.Salt, pw, p.Iterations, 1, 24)
			iv := pkcs12KDF(sha1.New, 64, p.Salt, pw, p.Iterations, 2, 8)
			block, err := des.NewTripleDESCipher(key)
			if err != nil {
				return nil, fmt.Errorf("3DES: %w", err)
			}
			if plain, err := cbcDecrypt(block, iv, info.EncryptedData); err == nil {
				candidates = append(candidates, plain)
			}
		}
	default:
		return nil, fmt.Errorf("key encryption %s not supported", info.Algorithm.Algorithm)
	}
	for _, plain := range candidates {
		if key, err := x509.ParsePKCS8PrivateKey(plain); err == nil {
			return key, nil
		}
	}
	return nil, errors.New("the key does not decrypt with this password")
}

// decryptPBES2 decrypts data under PBES2 parameters with PBKDF2.
func decryptPBES2(params, password, data []byte) ([]byte, error) {
	var p pbes2Params
	if err := unmarshal(params, &p); err != nil {
		return nil, fmt.Errorf("reading the PBES2 parameters: %w", err)
	}
	if !p.KDF.Algorithm.Equal(oidPBKDF2) {
		return nil, fmt.Errorf("PBES2 key derivation %s not supported", p.KDF.Algorithm)
	}
	var kp pbkdf2Params
	if err := unmarshal(p.KDF.Parameters.FullBytes, &kp); err != nil {
		return nil, fmt.Errorf("reading the PBKDF2 parameters: %w", err)
	}
	if kp.Salt.Tag != asn1.TagOctetString || kp.Iterations < 1 || kp.Iterations > maxIterations {
		return nil, errors.New("unusable PBKDF2 parameters")
	}
	var keyLen int
	newCipher := aes.NewCipher
	switch {
	case p.EncryptionScheme.Algorithm.Equal(oidAES128CBC):
		keyLen = 16
	case p.EncryptionScheme.Algorithm.Equal(oidAES192CBC):
		keyLen = 24
	case p.EncryptionScheme.Algorithm.Equal(oidAES256CBC):
		keyLen = 32
	case p.EncryptionScheme.Algorithm.Equal(oidDESEDE3CBC):
		keyLen, newCipher = 24, des.NewTripleDESCipher
	default:
		return nil, fmt.Errorf("PBES2 cipher %s not supported", p.EncryptionScheme.Algorithm)
	}
	var iv []byte
	if err := unmarshal(p.EncryptionScheme.Parameters.FullBytes, &iv); err != nil {
		return nil, fmt.Errorf("reading the IV: %w", err)
	}
	var prf func() hash.Hash
	switch {
	case len(kp.PRF.Algorithm) == 0, kp.PRF.Algorithm.Equal(oidHMACWithSHA1):
		prf = sha1.New
	case kp.PRF.Algorithm.Equal(oidHMACWithSHA256):
		prf = sha256.New
	case kp.PRF.Algorithm.Equal(oidHMACWithSHA384):
		prf = sha512.New384
	case kp.PRF.Algorithm.Equal(oidHMACWithSHA512):
		prf = sha512.New
	default:
		return nil, fmt.Errorf("PBKDF2 PRF %s not supported", kp.PRF.Algorithm)
	}
	key, err := pbkdf2.Key(prf, string(password), kp.Salt.Bytes, kp.Iterations, keyLen)
	if err != nil {
		return nil, fmt.Errorf("PBKDF2: %w", err)
	}
	block, err := newCipher(key)
	if err != nil {
		return nil, fmt.Errorf("cipher: %w", err)
	}
	return cbcDecrypt(block, iv, data)
}

// cbcDecrypt decrypts CBC with PKCS#7 padding.
func cbcDecrypt(block cipher.Block, iv, data []byte) ([]byte, error) {
	bs := block.BlockSize()
	if len(iv) != bs {
		return nil, errors.New("the IV does not fit the cipher")
	}
	if len(data) == 0 || len(data)%bs != 0 {
		return nil, errNotBlockMultiple
	}
	out := make([]byte, len(data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, data)
	n := int(out[len(out)-1])
	if n == 0 || n > bs {
		return nil, errPadding
	}
	for _, b := range out[len(out)-n:] {
		if int(b) != n {
			return nil, errPadding
		}
	}
	return out[:len(out)-n], nil
}

// bmpPassword encodes a password as PKCS#12 wants it: UCS-2 big-endian with
// a two-byte zero terminator. ok is false for characters outside the BMP.
func bmpPassword(s string) (b []byte, ok bool) {
	b = make([]byte, 0, 2*len(s)+2)
	for _, r := range s {
		if r1, _ := utf16.EncodeRune(r); r1 != '\uFFFD' {
			return nil, false // needs a surrogate pair
		}
		b = append(b, byte(r>>8), byte(r))
	}
	return append(b, 0, 0), true
}

// pkcs12KDF is the key derivation of RFC 7292 appendix B.2: v is the hash's
// block size in bytes, id 1 for a key, 2 for an IV, 3 for a MAC key.
func pkcs12KDF(newHash func() hash.Hash, v int, salt, password []byte, iterations int, id byte, size int) []byte {
	h := newHash()
	u := h.Size()
	d := bytes.Repeat([]byte{id}, v)
	i := append(repeatTo(salt, v), repeatTo(password, v)...)
	c := (size + u - 1) / u
	out := make([]byte, 0, c*u)
	for n := 0; n < c; n++ {
		h.Reset()
		h.Write(d)
		h.Write(i)
		a := h.Sum(nil)
		for j := 1; j < iterations; j++ {
			h.Reset()
			h.Write(a)
			a = h.Sum(a[:0])
		}
		out = append(out, a...)
		if n == c-1 {
			break
		}
		b := repeatTo(a, v)[:v]
		for j := 0; j+v <= len(i); j += v {
			blk := i[j : j+v]
			carry := 1
			for k := v - 1; k >= 0; k-- {
				s := int(blk[k]) + int(b[k]) + carry
				blk[k], carry = byte(s), s>>8
			}
		}
	}
	return out[:size]
}

// repeatTo repeats p to the next multiple of v bytes ("" stays empty).
func repeatTo(p []byte, v int) []byte {
	if len(p) == 0 {
		return nil
	}
	out := make([]byte, v*((len(p)+v-1)/v))
	for k := range out {
		out[k] = p[k%len(p)]
	}
	return out
}
