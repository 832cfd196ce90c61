// Package charttest reads back the pictures package chart draws, for the
// tests of chart and of the commands that draw with it.
package charttest

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// SVGTexts returns the contents of every <text> element of an SVG
// document, in document order, or the error that stopped it parsing when
// the document is not well-formed XML.
func SVGTexts(svg []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(svg))
	var texts []string
	var in *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts, nil
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "text" {
				in = new(strings.Builder)
			}
		case xml.CharData:
			if in != nil {
				in.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" && in != nil {
				texts = append(texts, in.String())
				in = nil
			}
		}
	}
}
