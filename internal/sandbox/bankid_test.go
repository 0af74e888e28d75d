package sandbox

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/motpart/motpart/internal/sandbox/bankid"
)

// TestBankIDInTheSandbox: the sandbox serves BankID's AML simulator over
// TLS with the sandbox CA: discovery names its token endpoint, which
// issues tokens to the sandbox client, and fault switches reach it.
func TestBankIDInTheSandbox(t *testing.T) {
	ep := shared.Endpoints()
	if !strings.HasPrefix(ep.BankID, "https://127.0.0.1:") || ep.BankIDOIDC != ep.BankID+bankid.Realm {
		t.Fatalf("endpoints %q %q", ep.BankID, ep.BankIDOIDC)
	}
	c := client(shared)
	status, _, doc := getJSON(t, c, ep.BankIDOIDC+"/.well-known/openid-configuration")
	if status != 200 || doc["token_endpoint"] != ep.BankID+bankid.TokenPath {
		t.Fatalf("discovery %d %v", status, doc)
	}
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {"profile aml_organization/basic"}}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, ep.BankID+bankid.TokenPath, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(bankid.DefaultClientID, bankid.DefaultClientSecret)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("token: %d", resp.StatusCode)
	}
	shared.SetFault(ServiceBankID, Fault{Status: 503})
	defer shared.ClearFaults()
	if status, _, _ := get(t, c, ep.BankIDOIDC+"/.well-known/openid-configuration"); status != 503 {
		t.Fatalf("with a 503 fault: %d", status)
	}
}
