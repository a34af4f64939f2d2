// Query normalisation shared by search and the finder. It must stay identical to
// SearchFolding.fold in Swift: NFKC, lowercase, katakana → hiragana, no white space, 曜日 → 曜.
window.sasaeaiFold = function (text) {
  "use strict";
  var s = text.normalize("NFKC").toLowerCase();
  var out = "";
  var previous = "";
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i);
    if (c >= 0x30a1 && c <= 0x30f6) c -= 0x60;
    var ch = String.fromCharCode(c);
    if (/\s/.test(ch)) continue;
    if (ch === "日" && previous === "曜") continue;
    out += ch;
    previous = ch;
  }
  return out;
};
