package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
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
// files to out, atomically. Another file named - (game --nfg - with --out
// FILE) goes to standard output, once the files are written.
func (e *env) emit(stdout io.Writer) error {
	files, toStdout := e.files, e.stdout.Bytes()
	if e.toFile() {
		files, toStdout = append(files, outputFile{e.out, toStdout}), nil
	}
	var named []outputFile
	for _, f := range files {
		if f.path == stdioName {
			toStdout = append(toStdout, f.data...)
		} else {
			named = append(named, f)
		}
	}
	if err := writeFilesAtomic(named); err != nil {
		return err
	}
	if len(toStdout) == 0 && e.toFile() {
		return nil
	}
	_, err := stdout.Write(toStdout)
	return err
}

// toFile reports whether the result goes to a file rather than standard output.
func (e *env) toFile() bool { return e.out != "" && e.out != stdioName }

// An outputFile is a file a command writes, and its contents.
type outputFile struct {
	path string
	data []byte
}

// checkOutput reports a usage error, naming flag, when path cannot take a
// command's result: a directory, a file in a folder that does not exist,
// a symbolic link to nothing. It runs before the command does its work.
func checkOutput(flag, path string) error {
	if path == "" || path == stdioName {
		return nil
	}
	info, err := os.Stat(path) // through symbolic links
	switch {
	case err == nil && info.IsDir():
		return usagef("%s %s: a directory; want the path of a file", flag, path)
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return usagef("%s %s: %v", flag, path, pathError(err))
	}
	if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		return usagef("%s %s: a symbolic link to a file that does not exist; want an existing target, or remove the link", flag, path)
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return usagef("%s %s: folder %s does not exist; create it first", flag, path, dir)
	}
	return nil
}

// sameFile reports whether two output paths name one file: the same path
// once cleaned, or two names of an existing file.
func sameFile(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}

// pathError returns the error inside a *fs.PathError or *os.LinkError,
// so that a message names the user's path and not a temporary file.
func pathError(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	}
	return err
}

// writeFilesAtomic writes the files: each regular file (or one that does
// not exist yet) to a temporary file beside it and, once all are written,
// renames them into place, so a failure leaves every such path as it was;
// the files are readable by all (mode 0644). A symbolic link is followed
// and stays a link; a device, FIFO or socket is written through, in
// place, last, never replaced.
func writeFilesAtomic(files []outputFile) error {
	var temps, targets []string
	var through []outputFile
	defer func() {
		for _, t := range temps {
			os.Remove(t)
		}
	}()
	for _, out := range files {
		target, err := filepath.EvalSymlinks(out.path)
		if errors.Is(err, fs.ErrNotExist) {
			target, err = out.path, nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", out.path, pathError(err))
		}
		if info, err := os.Stat(target); err == nil && !info.Mode().IsRegular() {
			if info.IsDir() {
				return fmt.Errorf("%s: a directory; want the path of a file", out.path)
			}
			through = append(through, outputFile{target, out.data})
			continue
		}
		f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*")
		if err != nil {
			return fmt.Errorf("%s: cannot write: %w", out.path, pathError(err))
		}
		temps, targets = append(temps, f.Name()), append(targets, target)
		_, err = f.Write(out.data)
		if err == nil {
			err = f.Chmod(0o644)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("%s: %w", out.path, pathError(err))
		}
	}
	for i, target := range targets {
		if err := os.Rename(temps[i], target); err != nil {
			return fmt.Errorf("%s: %w", target, pathError(err))
		}
	}
	temps = nil
	for _, out := range through {
		if err := writeThrough(out); err != nil {
			return err
		}
	}
	return nil
}

// writeThrough writes a file's data into an existing device, FIFO or
// socket, without creating or truncating anything.
func writeThrough(out outputFile) error {
	f, err := os.OpenFile(out.path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", out.path, pathError(err))
	}
	_, err = f.Write(out.data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", out.path, pathError(err))
	}
	return nil
}
