// LeakSanitizer settings of the API tests: the invoice PDFs are drawn with pango, and fontconfig
// (under pango) keeps its caches until the process ends. Only that library is suppressed, as in
// the app (apps/reparto/sanitizer_options.cc) and the PDF test.
extern "C" __attribute__((used)) const char* __lsan_default_suppressions() {  // NOLINT
  return "leak:libfontconfig.so\n";
}
