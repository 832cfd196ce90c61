package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"
)

// stdioName is the file name that means standard input for a scenario and
// standard output for --out.
const stdioName = "-"

// outFlag declares --out, the file a command's result goes to.
func outFlag(fs *pflag.FlagSet, out *string) {
	fs.StringVarP(out, "out", "o", "", "write the result to `FILE` (all or nothing) instead of standard output; - for standard output")
}

// emit sends the command's result to standard output, or with its other
// files to out, atomically.
func (e *env) emit(stdout io.Writer) error {
	if e.toFile() {
		return writeFilesAtomic(append(e.files, outputFile{e.out, e.stdout.Bytes()}))
	}
	if err := writeFilesAtomic(e.files); err != nil {
		return err
	}
	_, err := stdout.Write(e.stdout.Bytes())
	return err
}

// toFile reports whether the result goes to a file rather than standard output.
func (e *env) toFile() bool { return e.out != "" && e.out != stdioName }

// An outputFile is a file a command writes, and its contents.
type outputFile struct {
	path string
	data []byte
}

// writeFilesAtomic writes every file to a temporary file beside it and,
// once all are written, renames them into place: a failure leaves every
// path as it was. The files are readable by all (mode 0644).
func writeFilesAtomic(files []outputFile) error {
	temps := make([]string, 0, len(files))
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}()
	for _, out := range files {
		f, err := os.CreateTemp(filepath.Dir(out.path), "."+filepath.Base(out.path)+".*")
		if err != nil {
			return err
		}
		temps = append(temps, f.Name())
		_, err = f.Write(out.data)
		if err == nil {
			err = f.Chmod(0o644)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	for i, out := range files {
		if err := os.Rename(temps[i], out.path); err != nil {
			return err
		}
	}
	temps = nil
	return nil
}
