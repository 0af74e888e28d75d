package main

import (
	"fmt"
	"io"

	"github.com/motpart/motpart/internal/dossier"
)

// printFinnish writes what PRH says beside the common facts: the EU ID,
// the website, the names with their dates, the situations (restructuring,
// liquidation, bankruptcy) and the registers.
func printFinnish(tw io.Writer, c *dossier.Company) {
	fi := c.Finnish
	if fi == nil {
		return
	}
	if fi.EUID != "" {
		fmt.Fprintf(tw, "EU ID:\t%s\n", fi.EUID)
	}
	if c.Website != "" {
		fmt.Fprintf(tw, "Website:\t%s\n", c.Website)
	}
	if c.Registered != "" {
		fmt.Fprintf(tw, "Registered:\t%s\n", c.Registered)
	}
	kinds := map[string]string{dossier.NameTrade: "name", dossier.NameParallel: "parallel name", dossier.NameAuxiliary: "auxiliary name"}
	for _, n := range fi.Names {
		kind := kinds[n.Kind]
		if kind == "" {
			kind = "name (type " + n.Type + ")"
		}
		when := "since " + n.From
		if n.To != "" {
			when = n.From + " – " + n.To
		}
		fmt.Fprintf(tw, "Name:\t%s (%s, %s)\n", n.Name, kind, when)
	}
	situations := map[string]string{dossier.SituationRestructuring: "restructuring", dossier.SituationLiquidation: "liquidation", dossier.SituationBankruptcy: "bankruptcy"}
	for _, s := range fi.Situations {
		what := situations[s.Kind]
		if what == "" {
			what = s.Type
		}
		if s.To != "" {
			fmt.Fprintf(tw, "Situation:\t%s %s – %s\n", what, s.From, s.To)
		} else {
			fmt.Fprintf(tw, "Situation:\t%s since %s\n", what, s.From)
		}
	}
	for _, r := range fi.Registers {
		line := r.Description
		if line == "" {
			line = "register " + r.Register
		}
		if r.To != "" {
			line += " (ended " + r.To + ")"
		}
		fmt.Fprintf(tw, "Register entry:\t%s\n", line)
	}
}
