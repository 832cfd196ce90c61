package model

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestFormatDocCoversEveryField checks that docs/scenario-format.md names
// every field the loader accepts, so the reference cannot fall behind.
func TestFormatDocCoversEveryField(t *testing.T) {
	doc, err := os.ReadFile("../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	lists := [][]string{topFields, issueFields, principalFields, mediatorFields, ratifierFields,
		utilityFields, valueFields, shockFields, effectFields, protocolFields, escalationFields,
		interimFields, stateFields, renegingFields, latencyFields, resumptionFields, variantFields, roundUnits, policyNames[:], tacticNames[:], shapeNames[:],
		issueRoleNames[:], roleNames[:], informationNames[:]}
	for _, list := range lists {
		for _, field := range list {
			if !regexp.MustCompile("[`.]" + regexp.QuoteMeta(field) + "[`.]").Match(doc) {
				t.Errorf("docs/scenario-format.md does not mention `%s`", field)
			}
		}
	}
	for name := range distFields {
		if !strings.Contains(string(doc), "{"+name+":") {
			t.Errorf("docs/scenario-format.md does not show the %s distribution", name)
		}
	}
}
