/**
 * Which paths GitHub (through Linguist) treats as generated or vendored, as data: one row per rule, each naming
 * the tool or ecosystem it serves. Written from Linguist's `generated.rb` and `vendor.yml` outcomes, not copied.
 *
 * `exclude` rows leave a file out of the count; `count` rows are Linguist rules we differ from on purpose (reviewers
 * read these files): they match only where no exclusion did, so that the difference is visible and tested.
 */

/** Why a built-in rule leaves a file out (the JSON report's `reason`). */
export type BuiltInReason = "lock-file" | "minified" | "source-map" | "snapshot" | "vendored-folder" | "vendored-file" | "generated";

export interface PathRule {
  family: PathFamily;
  /** Matched against the whole path (folders separated by `/`). */
  pattern: RegExp;
  /** Who writes such files. */
  serves: string;
  outcome: { exclude: BuiltInReason } | { count: string };
}

/** The families the README lists, in its order. */
export const PATH_FAMILIES = [
  "lock files",
  "protobuf and gRPC",
  ".NET designer files",
  "CocoaPods and Carthage",
  "Yarn releases and PnP",
  "minified and source maps",
  "snapshots",
  "generated folders",
  "build tool wrappers and autoconf",
  "vendored folders",
  "bundled libraries",
  "kept counted",
] as const;
export type PathFamily = (typeof PATH_FAMILIES)[number];

const folder = (names: string) => new RegExp(`(?:^|/)(?:${names})/`);
const file = (names: string) => new RegExp(`(?:^|/)(?:${names})$`);

const exclude = (family: PathFamily, reason: BuiltInReason, serves: string, ...patterns: RegExp[]): PathRule[] =>
  patterns.map((pattern) => ({ family, pattern, serves, outcome: { exclude: reason } }));
const keep = (serves: string, why: string, ...patterns: RegExp[]): PathRule[] =>
  patterns.map((pattern) => ({ family: "kept counted", pattern, serves, outcome: { count: why } }));

export const PATH_RULES: readonly PathRule[] = [
  ...exclude("lock files", "lock-file", "npm", file("package-lock\\.json|npm-shrinkwrap\\.json")),
  ...exclude("lock files", "lock-file", "Yarn, pnpm, Bun", file("yarn\\.lock|pnpm-lock\\.yaml|bun\\.lockb?")),
  ...exclude("lock files", "lock-file", "Poetry, Pipenv, PDM, uv", file("poetry\\.lock|Pipfile\\.lock|pdm\\.lock|uv\\.lock")),
  ...exclude("lock files", "lock-file", "Cargo", file("Cargo\\.lock")),
  ...exclude("lock files", "lock-file", "Go modules, dep, glide", file("go\\.sum|Gopkg\\.lock|glide\\.lock")),
  ...exclude("lock files", "lock-file", "Bundler, Composer", file("Gemfile\\.lock|composer\\.lock")),
  ...exclude("lock files", "lock-file", "Terraform, esy", file("\\.terraform\\.lock\\.hcl|(?:\\w+\\.)?esy\\.lock"), /(?:^|\/)_esy$/),
  ...exclude("lock files", "lock-file", "Deno, Nix flakes, pixi, Bazel modules", file("deno\\.lock|flake\\.lock|pixi\\.lock|MODULE\\.bazel\\.lock")),
  ...exclude("lock files", "lock-file", "mise-en-place", /(?:^|\/)mise(?:\.[^/]+)?\.lock$/),
  ...exclude("lock files", "lock-file", "Swift Package Manager", file("Package\\.resolved")),
  ...exclude("lock files", "lock-file", "Julia's package manager", /(?:^|\/)(?:Julia)?Manifest(?:-v\d+\.\d+)?\.toml$/),
  ...exclude("lock files", "generated", "detect-secrets", file("\\.secrets\\.baseline")),

  ...exclude("protobuf and gRPC", "generated", "protoc for Python (and its gRPC plugin)", /_pb2(?:_grpc)?\.pyi?$/),
  ...exclude("protobuf and gRPC", "generated", "protoc-gen-go, protoc-gen-go-grpc, grpc-gateway", /\.pb(?:\.gw)?\.go$/),
  ...exclude("protobuf and gRPC", "generated", "protoc for C++ (and the gRPC C++ plugin)", /\.pb\.(?:cc|h)$/),
  ...exclude("protobuf and gRPC", "generated", "protoc for JavaScript and grpc-tools", /_(?:grpc_)?pb\.(?:js|d\.ts)$/),
  ...exclude("protobuf and gRPC", "generated", "protoc for Swift and Dart", /\.pb\.swift$/, /\.pb(?:grpc|enum|json|server)?\.dart$/),

  ...exclude(".NET designer files", "generated", "Visual Studio designers", /\.designer\.(?:cs|vb)$/i),
  ...exclude(".NET designer files", "generated", "SpecFlow", /\.feature\.cs$/i),

  ...exclude("CocoaPods and Carthage", "vendored-folder", "CocoaPods", folder("Pods")),
  ...exclude("CocoaPods and Carthage", "vendored-folder", "Carthage", /^Carthage\//, folder("Carthage/Build")),

  ...exclude("Yarn releases and PnP", "vendored-folder", "Yarn Berry", folder("\\.yarn/(?:releases|plugins|sdks|versions|unplugged|cache)")),
  ...exclude("Yarn releases and PnP", "generated", "Yarn Plug'n'Play", /(?:^|\/)\.pnp\.[^/]*$/),

  ...exclude("minified and source maps", "minified", "bundlers", /[.-]min\.(?:js|mjs|cjs|css)$/),
  ...exclude("minified and source maps", "source-map", "bundlers", /\.(?:js|mjs|cjs|css)\.map$/i),

  ...exclude("snapshots", "snapshot", "Jest and Vitest", /\.snap$/, folder("__snapshots__")),

  ...exclude("generated folders", "generated", "Relay compiler", folder("__generated__")),
  ...exclude("generated folders", "generated", "Go Godeps", folder("Godeps")),
  ...exclude("generated folders", "generated", "Xcode", /\.(?:nib|xcworkspacedata|xcuserstate)$/),
  ...exclude("generated folders", "generated", "Zephir, Delphi type libraries", /.\.zep\.(?:c|h|php)$/, /_tlb\.pas$/i),
  ...exclude("generated folders", "generated", "coverage.py's HTML report", folder("htmlcov")),
  ...exclude("generated folders", "generated", "cargo publish (the manifest as written)", /Cargo\.toml\.orig$/),
  ...exclude("generated folders", "generated", "SQLx offline queries", /(?:^|\/)\.sqlx\/query-[a-f\d]{64}\.json$/),
  ...exclude("generated folders", "generated", "freezed (Dart)", /\.freezed\.dart$/),

  ...exclude("build tool wrappers and autoconf", "vendored-file", "Gradle wrapper", /(?:^|\/)gradlew(?:\.bat)?$/i, folder("gradle/wrapper")),
  ...exclude("build tool wrappers and autoconf", "vendored-file", "Maven wrapper", /(?:^|\/)mvnw(?:\.cmd)?$/i, folder("\\.mvn/wrapper")),
  ...exclude("build tool wrappers and autoconf", "vendored-file", "Typesafe Activator, the .NET install script, GNU indent, ProGuard, macOS settings", file("activator|activator\\.bat|dotnet-install\\.(?:ps1|sh)|\\.indent\\.pro|proguard\\.pro|proguard-rules\\.pro|\\.osx|\\.[Dd][Ss]_[Ss]tore")),
  ...exclude("build tool wrappers and autoconf", "vendored-file", "autoconf and libtool", file("configure|config\\.guess|config\\.sub|aclocal\\.m4|libtool\\.m4|ltoptions\\.m4|ltsugar\\.m4|ltversion\\.m4|lt~obsolete\\.m4")),
  ...exclude("build tool wrappers and autoconf", "vendored-file", "Erlang, Haxe, WAF, cpplint", /^rebar$/, /erlang\.mk$/, /^waf$/, /run\.n$/, /cpplint\.py$/),

  ...exclude("vendored folders", "vendored-folder", "vendored dependencies", folder("[Vv]+endors?|[Ee]xtern(?:als?)?"), /(?:3rd|[Tt]hird)[-_]?[Pp]arty\//),
  ...exclude("vendored folders", "vendored-folder", "Go's Godeps workspace, R's external data, PuPHPet, XVBA modules, Obsidian settings", folder("Godeps/_workspace|inst/extdata|puphpet|xvba_modules|\\.obsidian")),
  ...exclude("vendored folders", "vendored-folder", "flow-typed library definitions", /(?:^|\/)flow-typed\/.*\.js$/),
  ...exclude("vendored folders", "vendored-folder", "npm and Bower", /node_modules\//, folder("bower_components")),
  ...exclude("vendored folders", "vendored-folder", "NuGet packages", /^[Pp]ackages\/.+\.\d+\//),
  ...exclude("vendored folders", "vendored-folder", "build output and caches", folder("dist|cache"), /^[Dd]ependencies\//),
  ...exclude("vendored folders", "vendored-folder", "Sphinx output, Django admin media", /(?:^|\/)docs?\/_?(?:build|themes?|templates?|static)\//, folder("admin_media")),
  ...exclude("vendored folders", "vendored-folder", "bundled frameworks", folder("Sparkle|ace-builds|MathJax|\\.google_apis|bootstrap-datepicker|Carthage"), /(?:^|\/)(?:Crashlytics|Fabric|BuddyBuildSDK)\.framework\//, /(?:^|\/)(?:Realm|RealmSwift)\.framework/, /\.(?:xctemplate|imageset)\//, /(?:^|\/)tiny_mce\/(?:langs|plugins|themes|utils)/, /(?:^|\/)[Cc]ode[Mm]irror\/(?:\d+\.\d+\/)?(?:lib|mode|theme|addon|keymap|demo)/),
  ...exclude("vendored folders", "vendored-folder", "ExtJS", /(?:^|\/)extjs\/(?:.*?\.(?:js|xml|txt|html|properties)$|(?:\.sencha|docs|builds|cmd|examples|locale|packages|plugins|resources|src|welcome)\/)/),

  ...exclude("bundled libraries", "vendored-file", "minified by a bundler", /[.-]min\.(?:js|css)$/),
  ...exclude("bundled libraries", "vendored-file", "jQuery and its plugins", /(?:^|\/)jquery[^.]*\.js$/, /(?:^|\/)jquery-\d\.\d+(?:\.\d+)?\.js$/, /(?:^|\/)jquery-ui(?:-\d\.\d+(?:\.\d+)?)?(?:\.\w+)?\.(?:js|css)$/, /(?:^|\/)jquery\.(?:ui|effects)\.[^.]*\.(?:js|css)$/, /(?:^|\/)jquery\.fn\.gantt\.js/, /(?:^|\/)jquery\.fancybox\.(?:js|css)/, /(?:^|\/)jquery\.fileupload(?:-\w+)?\.js$/, /(?:^|\/)jquery\.dataTables\.js/, /(?:^|\/)jquery[^.]*\.validate(?:\.unobtrusive)?\.js$/, /(?:^|\/)jquery[^.]*\.unobtrusive-ajax\.js$/),
  ...exclude("bundled libraries", "vendored-file", "UI widgets and maps (Fuel UX, bootbox, pdf.js, SlickGrid, Leaflet plugins, Wicket)", /(?:^|\/)(?:fuelux|bootbox|pdf\.worker)\.js/, /(?:^|\/)slick\.\w+.js$/, /(?:^|\/)Leaflet\.Coordinates-\d+\.\d+\.\d+\.src\.js$/, /(?:^|\/)(?:leaflet\.draw-src\.js|leaflet\.draw\.css|Control\.FullScreen\.(?:css|js)|leaflet\.spin\.js|wicket-leaflet\.js)/),
  ...exclude("bundled libraries", "vendored-file", "CSS frameworks", /(?:^|\/)bootstrap[^/.]*(?:\..*)?\.(?:js|css|less|scss|styl)$/, /(?:^|\/)custom\.bootstrap\S*(?:js|css|less|scss|styl)$/, /(?:^|\/)(?:font-?awesome|foundation|normalize|skeleton|animate)\.(?:css|less|scss|styl)$/, /(?:^|\/)font-?awesome\/.*\.(?:css|less|scss|styl)$/, /(?:^|\/)materialize\.(?:css|less|scss|styl|js)$/, /(?:^|\/)select2\/.*\.(?:css|scss|js)$/, /(?:^|\/)bulma\.(?:css|sass|scss)$/, /(?:^|\/)[Bb]ourbon\/.*\.(?:css|less|scss|styl)$/, /(?:^|\/)fontello.*?\.css$/, /(?:^|\/)octicons\.css/, /(?:^|\/)sprockets-octicons\.scss/),
  ...exclude("bundled libraries", "vendored-file", "JavaScript frameworks", /(?:^|\/)(?:angular[^.]*|d3(?:\.v\d+)?[^.]*|react(?:-[^.]*)?|dojo|MochiKit|Chart|html5shiv|ckeditor|shCore|shLegacy|effects|controls|dragdrop)\.js$/, /(?:^|\/)(?:prototype|yui|yahoo-|tiny_mce|shBrush|cordova)[^/]*\.js$/, /(?:^|\/)(?:modernizr|knockout)-[\d.]+[^/]*\.js$/, /(?:^|\/)modernizr\.custom\.\d+\.js$/, /(?:^|\/)mootools[^.]*\d+\.\d+.\d+[^.]*\.js$/, /(?:^|\/)foundation(?:\..*)?\.js$/),
  ...exclude("bundled libraries", "vendored-file", "Visual Studio IntelliSense and Microsoft Ajax", /-vsdoc\.js$/, /\.intellisense\.js$/, /(?:^|\/)[Mm]icrosoft(?:[Mm]vc)?(?:[Aa]jax|[Vv]alidation)(?:\.debug)?\.js$/),
  ...exclude("bundled libraries", "vendored-file", "Stylesheets imported from packages", /[^\s/]*import\.(?:css|less|scss|styl)$/),
  // Linguist calls these vendored or generated; we count them. Last, so that a real exclusion above still wins
  // (a lock file inside a fixture folder is still a lock file).
  ...keep("test fixtures", "reviewers read fixtures like code", /^(?:[Tt]ests?|[Ss]pecs?)\/fixtures\//),
  ...keep("repository configuration", "reviewers read repository configuration", file("\\.gitattributes|\\.gitignore|\\.gitmodules")),
  ...keep("CI configuration", "reviewers read CI configuration", file("Jenkinsfile|Vagrantfile|\\.gitpod\\.Dockerfile"), /(?:^|\/)\.(?:github|teamcity)\//),
  ...keep("editor settings", "shared editor settings are reviewed", /(?:^|\/)\.idea\//, /(?:^|\/)\.vscode\//, /\.sublime-(?:project|workspace)$/),
  ...keep("TypeScript declarations", "hand-written .d.ts files are reviewed code", /\.d\.ts$/),
  ...keep("project folders", "too often hand-written in applications", /^(?:tools|deps|debian)\//, /(?:^|\/)env\//, /^fabfile\.py$/),

];

export interface PathMatch {
  rule: PathRule;
  /** The part of the path the rule matched, to show the user. */
  matched: string;
}

/**
 * Answers already given, by path: a check asks of each file more than once (which files to sample, which to read,
 * which count), and each asking tries every rule. Bounded: emptied when full, so a long-running app holds no more.
 */
const MATCHES_KEPT = 10_000;
const knownMatches = new Map<string, PathMatch | null>();

/** The first rule that matches the path, if any. */
export function matchPathRule(path: string): PathMatch | undefined {
  const known = knownMatches.get(path);
  // Stryker disable next-line ConditionalExpression: a shortcut; asking the rules again gives the same answer
  if (known !== undefined) return known ?? undefined;
  let found: PathMatch | null = null;
  for (const rule of PATH_RULES) {
    const match = rule.pattern.exec(path);
    if (match) {
      found = { rule, matched: match[0].replace(/^\//, "") };
      break;
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound shows in memory, not in any answer
  if (knownMatches.size >= MATCHES_KEPT) knownMatches.clear();
  knownMatches.set(path, found);
  return found ?? undefined;
}
