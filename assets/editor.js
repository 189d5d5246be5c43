// The publication editor's conveniences. The form works without this file.
(() => {})();
