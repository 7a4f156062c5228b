'use strict';
// Parses PowerShell files with tree-sitter-pwsh (through web-tree-sitter's WebAssembly build) and reports
// every ERROR and MISSING node as file:line:column. No PowerShell engine exists on the build machines,
// so this is the check that a .ps1/.psd1/.psm1 at least parses.
//
// Usage: node --liftoff-only check-pwsh-syntax.js [--root DIR] [FILE...]
//   With files, checks exactly those; otherwise every *.ps1, *.psd1, *.psm1 under the root (default: the
//   repository, two levels up), skipping node_modules, bin, obj, artifacts and .git.
// Exit code: 0 when everything parses, 1 when any file has an error, 2 when the checker itself cannot run.
//
// Versions: tree-sitter-pwsh 0.38.1 ships tree-sitter-powershell.wasm built by tree-sitter-cli 0.26.8 (ABI 14),
// so web-tree-sitter is pinned to 0.26.8, the runtime of that same release.
// Known grammar gaps (valid PowerShell it rejects, so write around them): a param() block on the same line as
// the function's opening brace, and an unquoted `--` before native arguments (write '--').

const fs = require('fs');
const path = require('path');

const SKIPPED_DIRS = new Set(['node_modules', 'bin', 'obj', 'artifacts', '.git', 'TestResults']);
const EXTENSIONS = new Set(['.ps1', '.psd1', '.psm1']);

function parseArgs(argv) {
  const options = { root: path.resolve(__dirname, '..', '..'), files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') {
      options.root = path.resolve(argv[++i]);
    } else {
      options.files.push(path.resolve(argv[i]));
    }
  }
  return options;
}

function findFiles(dir, found) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) {
        findFiles(path.join(dir, entry.name), found);
      }
    } else if (EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      found.push(path.join(dir, entry.name));
    }
  }
  return found;
}

// Depth-first over the whole tree; reports the outermost ERROR of a broken region and every MISSING node.
function collectProblems(tree) {
  const problems = [];
  const cursor = tree.walk();
  let descend = true;
  for (;;) {
    const node = cursor.currentNode;
    if (descend) {
      if (node.isError || node.type === 'ERROR') {
        problems.push({ kind: 'ERROR', node });
      } else if (node.isMissing) {
        problems.push({ kind: 'MISSING', node });
      }
      if ((node.hasError || node.isError) && cursor.gotoFirstChild()) {
        continue;
      }
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) {
      break;
    }
    descend = false;
  }
  return problems;
}

function describe(problem, source) {
  const { node } = problem;
  const line = node.startPosition.row + 1;
  const column = node.startPosition.column + 1;
  if (problem.kind === 'MISSING') {
    return { line, column, message: `missing ${JSON.stringify(node.type)}` };
  }
  const text = source.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + 60)).split('\n')[0];
  return { line, column, message: `syntax error near ${JSON.stringify(text)}` };
}

async function main() {
  let TreeSitter;
  let wasmPath;
  try {
    TreeSitter = require('web-tree-sitter');
    wasmPath = require.resolve('tree-sitter-pwsh/tree-sitter-powershell.wasm');
  } catch (error) {
    console.error(`The syntax checker's node modules are missing (${error.message}). Run: npm ci --prefix tests/syntax`);
    process.exit(2);
  }

  const { Parser, Language } = TreeSitter;
  await Parser.init();
  const language = await Language.load(wasmPath);
  const parser = new Parser();
  parser.setLanguage(language);

  const options = parseArgs(process.argv.slice(2));
  const files = options.files.length > 0 ? options.files : findFiles(options.root, []).sort();
  let failures = 0;
  for (const file of files) {
    // A BOM is legal in PowerShell files and means nothing to the grammar.
    const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const tree = parser.parse(source);
    const problems = collectProblems(tree).map((p) => describe(p, source));
    tree.delete();
    const shown = path.relative(process.cwd(), file) || file;
    for (const p of problems) {
      console.log(`${shown}:${p.line}:${p.column}: ${p.message}`);
    }
    if (problems.length > 0) {
      failures++;
    }
  }
  console.log(`checked ${files.length} PowerShell file(s): ${failures === 0 ? 'all parse' : `${failures} with syntax errors`}`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(2);
});
