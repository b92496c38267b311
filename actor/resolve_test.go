package actor

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	d := mustDefault(t)
	const story = "2018-07-05" // the seed story's date
	tests := []struct {
		name, phrase, date, focus string
		code                      string // "" for no actor
		country                   string
		roles                     []string
		incomplete                bool
		span                      string // the text of the deciding span
		rules                     []string
	}{
		{"country name", "Russian Federation", story, "", "RUS", "RUS", nil, false, "Russian Federation", []string{RuleCountry}},
		{"country short name", "Russia", story, "", "RUS", "RUS", nil, false, "Russia", []string{RuleCountry}},
		{"capital", "Moscow", story, "", "RUSGOV", "RUS", []string{"GOV"}, false, "Moscow", []string{RuleNamed}},
		{"seat of government", "the Kremlin", story, "", "RUSGOV", "RUS", []string{"GOV"}, false, "the Kremlin", []string{RuleNamed}},
		{"capital Amman", "Amman", story, "", "JORGOV", "JOR", []string{"GOV"}, false, "Amman", []string{RuleNamed}},
		{"capital Washington", "Washington", story, "", "USAGOV", "USA", []string{"GOV"}, false, "Washington", []string{RuleNamed}},
		{"head of state", "Bashar al-Assad", story, "", "SYRGOV", "SYR", []string{"GOV"}, false, "Bashar al-Assad", []string{RuleNamed}},
		{"head of state before office", "Bashar al-Assad", "1999-05-01", "", "SYRELI", "SYR", []string{"ELI"}, false, "Bashar al-Assad", []string{RuleNamed}},
		{"head of state after office", "Bashar al-Assad", "2025-03-01", "", "SYRELI", "SYR", []string{"ELI"}, false, "Bashar al-Assad", []string{RuleNamed}},
		{"foreign minister 2018", "Lavrov", story, "", "RUSGOV", "RUS", []string{"GOV"}, false, "Lavrov", []string{RuleNamed}},
		{"foreign minister of Jordan", "Ayman Safadi", story, "", "JORGOV", "JOR", []string{"GOV"}, false, "Ayman Safadi", []string{RuleNamed}},
		{"surname", "Safadi", story, "", "JORGOV", "JOR", []string{"GOV"}, false, "Safadi", []string{RuleNamed}},
		{"UN official", "Farhan Haq", story, "", "IGOUNO", "IGO", nil, false, "Farhan Haq", []string{RuleNamed}},
		{"UN title", "United Nations deputy spokesman", story, "", "IGOUNO", "IGO", nil, false, "United Nations", []string{RuleNamed}},
		{"UN title and name", "United Nations deputy spokesman Farhan Haq", story, "", "IGOUNO", "IGO", nil, false, "Farhan Haq", []string{RuleNamed}},
		{"armed group", "Nusra Front", story, "", "SYRREBMUS", "SYR", []string{"REB"}, false, "Nusra Front", []string{RuleNamed}},
		{"armed group with modifier", "the al-Qaida-linked Nusra Front", story, "", "SYRREBMUS", "SYR", []string{"REB"}, false, "Nusra Front", []string{RuleNamed}},
		{"possessive", "Syria's army", story, "", "SYRMIL", "SYR", []string{"MIL"}, false, "Syria's army", []string{RulePossessor, RuleAgent}},
		{"country alone", "Jordan", story, "", "JOR", "JOR", nil, false, "Jordan", []string{RuleCountry}},
		{"demonym and agent", "Syrian rebels", story, "", "SYRREB", "SYR", []string{"REB"}, false, "Syrian rebels", []string{RuleCountry, RuleAgent}},
		{"military police", "Russian military police", story, "", "RUSMIL", "RUS", []string{"MIL"}, false, "Russian military police", []string{RuleCountry, RuleAgent}},
		{"government forces", "Syrian government forces", story, "", "SYRMIL", "SYR", []string{"MIL"}, false, "Syrian government forces", []string{RuleCountry, RuleAgent}},
		{"focus", "regime forces", story, "SYR", "SYRMIL", "SYR", []string{"MIL"}, false, "regime forces", []string{RuleFocus, RuleAgent}},
		{"focus with the", "the regime", story, "SYR", "SYRGOV", "SYR", []string{"GOV"}, false, "the regime", []string{RuleFocus, RuleAgent}},
		{"no country no focus", "rebels", story, "", "REB", "", []string{"REB"}, true, "rebels", []string{RuleAgent}},
		{"the story's country", "the war-torn country", story, "SYR", "SYR", "SYR", nil, false, "the war-torn country", []string{RuleCountry}},
		{"the story's country's army", "the war-torn country's army", story, "SYR", "SYRMIL", "SYR", []string{"MIL"}, false, "the war-torn country's army", []string{RulePossessor, RuleAgent}},
		{"country wins over focus", "Russian troops", story, "SYR", "RUSMIL", "RUS", []string{"MIL"}, false, "Russian troops", []string{RuleCountry, RuleAgent}},
		{"possessive minister", "Jordan's foreign minister", story, "", "JORGOV", "JOR", []string{"GOV"}, false, "Jordan's foreign minister", []string{RulePossessor, RuleAgent}},
		{"person wins over country", "Syrian President Bashar al-Assad", story, "", "SYRGOV", "SYR", []string{"GOV"}, false, "Bashar al-Assad", []string{RuleNamed}},
		{"person wins over other country", "Russian Foreign Minister Sergei Lavrov", story, "", "RUSGOV", "RUS", []string{"GOV"}, false, "Sergei Lavrov", []string{RuleNamed}},
		{"group wins over agent", "Hezbollah fighters", story, "", "LBNREB", "LBN", []string{"REB"}, false, "Hezbollah", []string{RuleNamed}},
		{"government and agent", "Assad's troops", story, "", "SYRMIL", "SYR", []string{"MIL"}, false, "Assad's troops", []string{RulePossessor, RuleAgent}},
		{"capital and agent", "Damascus residents", story, "", "SYRCVL", "SYR", []string{"CVL"}, false, "Damascus residents", []string{RuleNamedBase, RuleAgent}},
		{"metonym and empty agent", "Kremlin spokesman", story, "", "RUSGOV", "RUS", []string{"GOV"}, false, "Kremlin", []string{RuleNamed}},
		{"of as possessor", "the foreign minister of Jordan", story, "", "JORGOV", "JOR", []string{"GOV"}, false, "the foreign minister of Jordan", []string{RulePossessor, RuleAgent}},
		{"prepositional modifier", "Rebels in southern Syria", story, "SYR", "SYRREB", "SYR", []string{"REB"}, false, "Rebels", []string{RuleFocus, RuleAgent}},
		{"modifier country does not count", "Russian troops in Syria", story, "", "RUSMIL", "RUS", []string{"MIL"}, false, "Russian troops", []string{RuleCountry, RuleAgent}},
		{"plural demonym", "displaced Syrians", story, "", "SYRREF", "SYR", []string{"REF"}, false, "displaced Syrians", []string{RuleCountry, RuleAgent}},
		{"IGO", "the European Union", story, "", "IGOEUREEC", "IGO", nil, false, "the European Union", []string{RuleNamed}},
		{"NGO agent", "Syrian aid groups", story, "", "NGOSYR", "NGO", nil, false, "Syrian aid groups", []string{RuleCountry, RuleAgent}},
		{"head not an actor", "opposition towns", story, "SYR", "", "", nil, false, "", nil},
		{"head not an actor 2", "Russian Federation ceasefire deal", story, "", "", "", nil, false, "", nil},
		{"place is not an actor", "Daraa", story, "SYR", "", "", nil, false, "", nil},
		{"place is not an actor 2", "Aleppo", story, "SYR", "", "", nil, false, "", nil},
		{"null entry", "the Indian Ocean", story, "", "", "", nil, false, "", nil},
		{"role ended, no default", "Walid Muallem", "2021-06-01", "", "", "", nil, false, "", nil},
		{"role ended, still in office", "Walid Muallem", "2019-06-01", "", "SYRGOV", "SYR", []string{"GOV"}, false, "Walid Muallem", []string{RuleNamed}},
		{"spokesman alone", "a spokesman", story, "", "", "", nil, false, "", nil},
		{"lower-case common word", "turkey", story, "", "", "", nil, false, "", nil},
		{"capitalized country", "Turkey", story, "", "TUR", "TUR", nil, false, "Turkey", []string{RuleCountry}},
		{"group changes role", "Hayat Tahrir al-Sham", "2025-01-10", "", "SYRGOV", "SYR", []string{"GOV"}, false, "Hayat Tahrir al-Sham", []string{RuleNamed}},
		{"no date: default or latest", "Bashar al-Assad", "", "", "SYRELI", "SYR", []string{"ELI"}, false, "Bashar al-Assad", []string{RuleNamed}},
		{"empty", "", story, "", "", "", nil, false, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var date time.Time
			if tc.date != "" {
				date = day(tc.date)
			}
			text := tc.phrase
			toks := tokens(t, text)
			a, ok := d.Resolve(toks, date, tc.focus)
			if tc.code == "" {
				if ok {
					t.Fatalf("Resolve(%q) = %s, want no actor; evidence %+v", tc.phrase, a.Code, a.Evidence)
				}
				return
			}
			if !ok {
				t.Fatalf("Resolve(%q) found no actor, want %s", tc.phrase, tc.code)
			}
			if a.Code != tc.code || a.Country != tc.country || !slices.Equal(a.Roles, tc.roles) || a.Incomplete != tc.incomplete {
				t.Errorf("Resolve(%q) = %s country %q roles %v incomplete %v, want %s %q %v %v",
					tc.phrase, a.Code, a.Country, a.Roles, a.Incomplete, tc.code, tc.country, tc.roles, tc.incomplete)
			}
			if got := text[a.Start:a.End]; got != tc.span {
				t.Errorf("span %q, want %q", got, tc.span)
			}
			if a.First >= a.Limit || toks[a.First].Start != a.Start || toks[a.Limit-1].End != a.End {
				t.Errorf("tokens [%d, %d) do not give span %v", a.First, a.Limit, a.Span)
			}
			var rules []string
			for _, ev := range a.Evidence {
				rules = append(rules, ev.Rule)
				if ev.Rule != RuleFocus && ev.Match.Entry == nil {
					t.Errorf("evidence %s without an entry", ev.Rule)
				}
			}
			if !slices.Equal(rules, tc.rules) {
				t.Errorf("rules %v, want %v", rules, tc.rules)
			}
		})
	}
}

// TestResolveEvidence checks that evidence points at the dictionary lines
// that decided.
func TestResolveEvidence(t *testing.T) {
	d := mustDefault(t)
	a, ok := d.Resolve(tokens(t, "Syria's army"), day("2018-07-05"), "")
	if !ok || len(a.Evidence) != 2 {
		t.Fatalf("got %+v, %v", a, ok)
	}
	if e := a.Evidence[0].Match.Entry; e.File != "countries.txt" || !slices.Contains(e.Names, "Syria") {
		t.Errorf("possessor entry %s:%d %v", e.File, e.Line, e.Names)
	}
	if e := a.Evidence[1].Match.Entry; e.File != "agents.txt" || e.Codings[0].Code != "~MIL" {
		t.Errorf("agent entry %s:%d %v", e.File, e.Line, e.Codings)
	}
	if !strings.Contains(a.Evidence[1].Match.Name, "army") {
		t.Errorf("agent name %q", a.Evidence[1].Match.Name)
	}
}

func TestCompose(t *testing.T) {
	tests := []struct{ base, agent, want string }{
		{"SYR", "~REB", "SYRREB"},
		{"SYR", "NGO~", "NGOSYR"},
		{"SYR", "~", "SYR"},
		{"IGOUNO", "IGO~", "IGOUNO"},
		{"SYR", "~UAFMUS", "SYRUAFMUS"},
		{"PSEHMS", "~HMSREB", "PSEHMSREB"},
	}
	for _, tc := range tests {
		if got := compose(tc.base, tc.agent); got != tc.want {
			t.Errorf("compose(%q, %q) = %q, want %q", tc.base, tc.agent, got, tc.want)
		}
	}
}
