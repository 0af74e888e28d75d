package ident_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/motpart/motpart/internal/ident"
)

func ExampleParse() {
	opt := ident.Options{Now: time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)}
	for _, s := range []string{"923 609 016", "811218-9876", "121212+1212", "FI01162976", "811218-9875"} {
		n, err := ident.Parse(s, opt)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(n.Kind(), n.Country(), n, n.Masked())
	}
	// Output:
	// no-orgnr NO 923609016 923609016
	// se-pnr SE 19811218-9876 19811218-****
	// se-pnr SE 19121212-1212 19121212-****
	// fi-ytunnus FI 0116297-6 0116297-6
	// ident: Swedish personal identity number: the check digit is wrong
}

func ExampleCheck() {
	enc := json.NewEncoder(os.Stdout)
	_ = enc.Encode(ident.Check("5560747569", ident.Options{}))
	_ = enc.Encode(ident.Check("923609016", ident.Options{Country: ident.CountryFI}))
	// Output:
	// {"input":"5560747569","valid":true,"kind":"se-orgnr","country":"SE","normalized":"556074-7569","reason":""}
	// {"input":"923609016","valid":false,"kind":"","country":"","normalized":"","reason":"length"}
}

func ExampleNumber_TenDigit() {
	n, _ := ident.Parse("19260316-1239", ident.Options{})
	fmt.Println(n.TenDigit(time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)))
	fmt.Println(n.TenDigit(time.Date(2026, 3, 16, 0, 0, 0, 0, time.UTC)))
	fmt.Println(n.PeOrgNr())
	// Output:
	// 260316-1239
	// 260316+1239
	// 192603161239
}
