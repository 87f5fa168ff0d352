package widgets

import (
	"net/url"
	"reflect"
	"testing"
)

func TestALetterOpensInTheSystemsOwnViewer(t *testing.T) {
	for _, c := range []struct {
		goos, url string
		name      string
		args      []string
	}{
		{"windows", "file:///C:/Users/sw01/AppData/Local/Temp/caseload-letters-1/Outcome%20letter%20&%20copy-1.pdf",
			"rundll32", []string{"url.dll,FileProtocolHandler", `C:\Users\sw01\AppData\Local\Temp\caseload-letters-1\Outcome letter & copy-1.pdf`}},
		{"windows", "file://fileserver/share/letter.pdf",
			"rundll32", []string{"url.dll,FileProtocolHandler", `\\fileserver\share\letter.pdf`}},
		{"linux", "file:///tmp/caseload-letters-1/letter-1.pdf", "xdg-open", []string{"file:///tmp/caseload-letters-1/letter-1.pdf"}},
		{"darwin", "file:///tmp/letter.pdf", "", nil},
	} {
		u, err := url.Parse(c.url)
		if err != nil {
			t.Fatal(err)
		}
		name, args := viewerCommand(c.goos, u)
		if name != c.name || !reflect.DeepEqual(args, c.args) {
			t.Errorf("%s %s: %s %q; want %s %q", c.goos, c.url, name, args, c.name, c.args)
		}
	}
}
