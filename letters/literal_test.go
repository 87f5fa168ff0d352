package letters

import (
	"reflect"
	"testing"
)

func TestLiteralTextIsReadAsPlainParagraphs(t *testing.T) {
	cases := []struct{ in, want string }{
		{"# not a heading", "# not a heading"},
		{"- not a bullet", "- not a bullet"},
		{"* nor this", "* nor this"},
		{`\ a backslash`, `\ a backslash`},
		{"**not bold**", "* *not bold* *"},
		{"plain", "plain"},
	}
	for _, c := range cases {
		got := parseBody("Before.\n" + Literal(c.in))
		want := []block{{kind: blockPara, lines: []string{"Before.", c.want}, newChunk: true}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Literal(%q) parses as %+v, want %+v", c.in, got, want)
		}
	}
}
