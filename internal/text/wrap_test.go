package text

import "testing"

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  string
	}{
		{"", 10, ""},
		{"one two three", 7, "one two\nthree"},
		{"one  two\n three", 20, "one two three"},
		{"a verylongword b", 4, "a\nverylongword\nb"},
		{"δδ δδ δδ", 5, "δδ δδ\nδδ"}, // widths count runes, not bytes
		// Text laid out already comes back as it is; text that only looks so does not.
		{"a b", 3, "a b"},
		{"a b", 2, "a\nb"},
		{" a b", 10, "a b"},
		{"a b ", 10, "a b"},
		{"a  b", 10, "a b"},
		{"a\tb", 10, "a b"},
		{"a\nb", 10, "a b"},
		{"a\u00a0b", 10, "a b"}, // a no-break space is white space to strings.Fields
		{" ", 10, ""},
		{"", 0, ""},
	}
	for _, tt := range tests {
		if got := Wrap(tt.text, tt.width); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
