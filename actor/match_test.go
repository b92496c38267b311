package actor

import (
	"strings"
	"testing"
)

// matchString renders matches as "text=name" joined by spaces.
func matchString(text string, ms []Match) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, text[m.Start:m.End]+"="+m.Name)
	}
	return strings.Join(parts, " | ")
}

func TestMatchSmall(t *testing.T) {
	d, err := Load(testFS(map[string]string{
		"a.txt": "Dar'a Military Council | Daraa Military Council => SYRREB\n" +
			"Syrian Arab Army => SYRMIL\n" +
			"Bashar al-Assad => SYRGOV\n" +
			"al-Qaida => SYRREBMUS\n" +
			"U.S. => SYR\n" + // stands in for the US
			"Ḥamāh Council => SYRGOV\n" +
			"Lord's Army => SYRREB\n" +
			"Turkey => RUS\n" +
			"the Hague => JOR\n",
		"agents.txt": "rebels => ~REB\narmy | army officers => ~MIL\nofficers => ~GOV\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, text, want string }{
		{"longest match", "The Syrian Arab Army advanced.", "The Syrian Arab Army=Syrian Arab Army"},
		{"shorter name", "Syrian army officers", "Syrian=Syrian | army officers=army officers"},
		{"apostrophe folding", "DARʿA MILITARY COUNCIL and dar‘a military council",
			"DARʿA MILITARY COUNCIL=Dar'a Military Council"},
		{"apostrophe-free spelling", "the Daraa Military Council", "the Daraa Military Council=Daraa Military Council"},
		{"diacritics", "the Hamah council", "the Hamah council=Ḥamāh Council"},
		{"hyphen split", "Bashar al Assad and bashar al-assad", "Bashar al Assad=Bashar al-Assad"},
		{"not inside a token", "al-Qaida-linked rebels", "rebels=rebels"},
		{"whole hyphenated token", "al-Qaida rebels", "al-Qaida=al-Qaida | rebels=rebels"},
		{"periods", "the U.S and the US and us", "the U.S=U.S. | the US=U.S."},
		{"capital required", "roast turkey in Turkey", "Turkey=Turkey"},
		{"possessive split", "Syria's rebels and the Lord's Army", "Syria=Syria | rebels=rebels | the Lord's Army=Lord's Army"},
		{"leading the in the name", "in The Hague and Hague", "The Hague=the Hague | Hague=the Hague"},
		{"the is not taken twice", "Syrian the rebels", "Syrian=Syrian | the rebels=rebels"},
		{"nothing", "The offensive resumed on Wednesday.", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			toks := tokens(t, tc.text)
			got := matchString(tc.text, d.Match(toks))
			if got != tc.want {
				t.Errorf("Match(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}
