// A publication's files: upload progress and live status. The form works without this file.
(() => {})();
