// Copies the Noto Naskh Arabic font (SIL OFL 1.1, from npm) into wwwroot/vendor so that the UI
// serves its own font and never reaches a CDN.
import { cpSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "node_modules", "@fontsource", "noto-naskh-arabic");
const target = join(here, "..", "wwwroot", "vendor", "noto-naskh-arabic");
mkdirSync(join(target, "files"), { recursive: true });

const wanted = readdirSync(join(source, "files")).filter(f => /^noto-naskh-arabic-(arabic|latin)-(400|700)-normal\.woff2$/.test(f));
for (const file of wanted) {
  cpSync(join(source, "files", file), join(target, "files", file));
}
cpSync(join(source, "LICENSE"), join(target, "LICENSE"));

const faces = wanted.map(file => {
  const [, subset, weight] = file.match(/noto-naskh-arabic-(\w+)-(\d+)-normal/);
  const range = subset === "arabic"
    ? "U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0898-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC"
    : "U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD";
  return `@font-face {\n  font-family: "Noto Naskh Arabic";\n  font-style: normal;\n  font-display: swap;\n  font-weight: ${weight};\n  src: url("files/${file}") format("woff2");\n  unicode-range: ${range};\n}\n`;
});
writeFileSync(join(target, "font.css"), faces.join("\n"));
console.log(`marsad-web: ${wanted.length} font files copied to ${target}`);
