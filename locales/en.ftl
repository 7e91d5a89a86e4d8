# What Gazette says, in English (`language: en` in site.yaml). The same messages, in the same
# order, as vi.ftl.

## Labels of a diagnostic line: `error: path:line:col: message`, then `help: …`.
label-error = error
label-warning = warning
label-help = help
label-note = note
usage-unknown-argument = there is no option `{ $argument }`
usage-unknown-command = there is no command `{ $command }`
usage-invalid-value = `{ $value }` is not a value `{ $argument }` takes
usage-missing-argument = { $argument } is missing
usage-missing-value = `{ $argument }` needs a value
usage-unreadable-value = `{ $value }` is not a value `{ $argument }` takes: { $why ->
    [port] a port is a number from 0 to 65535
    [address] an address is written as 127.0.0.1 or ::1
   *[other] { $why }
}
help-usage-suggested = did you mean `{ $suggested }`?
help-usage-values = the values it takes: { $values }
help-usage = `gazette --help` lists the commands, `gazette COMMAND --help` a command's options
verbatim = { $text }

## The command line's help (`gazette --help`, `gazette COMMAND --help`)
cli = Static site generator for published official notices
cli-version = Print the version
cli-help-flag = Print help
cli-usage = Usage
cli-options = Options
cli-arguments = Arguments
cli-commands = Commands
cli-options-placeholder = OPTIONS
cli-command-placeholder = COMMAND
cli-root = Archive root, the folder that holds content/ and site.yaml [default: the current folder]
cli-build = Build the archive into its output folder
cli-build-out = Output folder [default: ROOT/output]
cli-build-drafts = Include drafts (notices marked `draft: true`)
cli-build-base_url = Absolute base URL of the deployed archive, e.g. https://congbao.example.vn/
cli-build-timings = Print the wall time of each stage
cli-build-no_wait = Refuse at once, rather than wait, when another build is writing the same output
cli-build-full = Build everything anew, ignoring what the last build kept in the output
cli-build-changes = Write the output paths added (+), changed (~) and removed (-) to FILE, one per line
cli-clean = Forget what the last build kept in the output folder, so that the next build is full
cli-clean-out = Output folder [default: ROOT/output]
cli-serve = Preview the archive with live reload (drafts included)
cli-serve-bind = Address to listen on; loopback unless you mean to show the preview to others [default: 127.0.0.1]
cli-serve-port = Port; the next free one is taken if it is in use; 0 picks any free port [default: 8000]
cli-init = Start a new archive in a new or empty folder: site.yaml, a sample notice, .gitignore
cli-init-dir = Folder of the new archive [default: the current folder]
cli-init-language = Language of the archive: vi or en [default: vi]
cli-new = Write a new draft notice with the next free number for a type and issuer, repeating the issuer's details from its latest notice
cli-new-type_code = Type code: TB, NQ, KH, CT, QĐ, ĐA, KL, BC, HD, CTr…
cli-new-issuer = Issuer code, as in the number: VPTU, TU, UBND…; one of the archive's notices must have it
cli-new-issuer_name = The issuer's name, to start an issuer no notice has yet
cli-new-title = The notice's subject (trích yếu)
cli-new-system = Numbering: party (45-TB/VPTU) or state (45/TB-UBND); default: as the issuer's notices, or for a new issuer as its name or code says (Ủy ban nhân dân, Sở, UBND: state)
cli-import = Import signed Word notices (.docx) as Markdown notices under content/
cli-import-files = .docx files, or folders of them
cli-import-number = The number to write instead of the document's, e.g. 45-TB/VPTU (one file only)
cli-import-date = The date to write instead of the document's, YYYY-MM-DD (one file only)
cli-import-dry_run = Print the notices instead of writing them
cli-import-force = Replace a notice file that exists already
cli-check = Validate the archive without writing anything
cli-check-format = Report format: text, lines of text, or json, one JSON document [default: text]
cli-check-drafts = Check drafts too, as the preview shows them
cli-check-outside = List the citations of documents outside the archive (of `external_issuers`)
cli-help = Print the help of gazette, or of a command
cli-help-command = The command to show the help of
cli-value-root = ROOT
cli-value-out = FOLDER
cli-value-base_url = URL
cli-value-changes = FILE
cli-value-bind = ADDRESS
cli-value-port = PORT
cli-value-dir = FOLDER
cli-value-language = LANGUAGE
cli-value-type_code = TYPE
cli-value-issuer = ISSUER
cli-value-issuer_name = NAME
cli-value-title = TITLE
cli-value-system = SYSTEM
cli-value-files = FILES
cli-value-number = NUMBER
cli-value-date = DATE
cli-value-format = FORMAT
cli-value-command = COMMAND

## Reading files
cannot-read = cannot read the file: { $kind ->
    [not-found] no such file or folder
    [permission-denied] permission denied
    [not-a-folder] a part of the path is not a folder
    [is-a-folder] it is a folder
   *[other] { $error }
}
cannot-write = cannot write the file: { $error }
not-utf8-wide = the file is { $encoding }, not UTF-8
not-utf8 = the file is not UTF-8: invalid byte { $byte } at byte offset { $offset }
help-save-as-utf8 = save the file as UTF-8 (in Word or Notepad: Save As, encoding Unicode UTF-8)
control-characters = control character { $code }{ $others ->
    [0] {""}
   *[other] {" "}and { $others } more
} removed: no page or feed may hold it
help-control-characters = such characters come from text pasted from another program; delete them from the file
no-content-folder = no content folder
help-no-content-folder = create content/ and put one Markdown file per notice in it
symlink-outside = symbolic link leads outside the archive; skipped
symlink-folder = a symbolic link to a folder is not followed; skipped: put the files themselves in { $folder }/
symlink-broken = symbolic link cannot be followed ({ $kind ->
    [not-found] its target does not exist
    [permission-denied] permission denied
   *[other] { $error }
}); skipped
no-temporary-file = cannot make a temporary file: { $error }
changed-while-building = the file changed while the archive was being built
help-build-again = build again

## Front-matter
no-front-matter = no front-matter: a notice starts with a `---` line, its keys, and another `---` line
help-no-front-matter = start the file with ---, then number:, type:, title:, issuer:, date:, then ---
front-matter-unclosed = the front-matter opens with this `---` line but no `---` line closes it
help-front-matter-unclosed = add a `---` line after the last key, before the notice's text
yaml-invalid = invalid YAML: { $detail }
yaml-duplicate-key = the key `{ $key }` is written twice, here the second time
help-yaml-duplicate-key = keep one `{ $key }` line: each key may be written once
yaml-not-a-mapping = expected `key: value` lines, found a single value
help-yaml-not-a-mapping = each line of the front-matter names a key, e.g. `title: Kế hoạch …`
yaml-too-deep = values nest more than { $levels } levels deep
help-yaml-too-deep = front-matter holds text, lists and small maps: remove the extra brackets
yaml-tab = a tab at the start of a line: YAML does not indent with tabs
yaml-unclosed-quote = the quote opened here is not closed before the front-matter ends
help-yaml-unclosed-quote = close the quote at the end of the value, e.g. title: "Về việc …"
yaml-unclosed-list = the `[` opened here is not closed by `]`
yaml-unclosed-map = the `{ "{" }` opened here is not closed by `{ "}" }`
yaml-colon = the `:` here cannot be read: a value that contains `: `, or a line indented wrongly
yaml-bad-start = a value cannot start with this character
help-yaml-bad-start = quote the value, e.g. title: "@…"
yaml-not-a-key = this line is not `key: value`
help-yaml-not-a-key = list items go under their key, indented, e.g. tags: then the line   - reform
yaml-bad-escape = a `\` inside double quotes starts a special character that does not exist
help-yaml-bad-escape = use single quotes ('…') for a value with a `\`, or write `\\`
yaml-list-on-key-line = a list cannot start on its key's line
yaml-not-a-list-item = this line is inside the list above but is not an item `- …`
yaml-no-colon = a `:` is missing after the key
help-yaml-no-colon = write `key: value`, with a space after the colon
yaml-duplicate-nested-key = this key is written twice in one group; this is the second time
help-yaml-duplicate-nested-key = keep one line: each key may be written once in a group
help-yaml-tab = YAML indents with spaces only: replace the tab with spaces
help-yaml-colon = a value that contains `: ` must be quoted, e.g. title: "Về việc: …"; a nested key is indented as its siblings are
help-yaml-bracket = a value that starts with [ or { "{" } must be quoted, or its bracket closed
missing-key = missing required key `{ $key }`
help-missing-key = add `{ $key }:` to the front-matter
blank-key = the required key `{ $key }` is blank
help-blank-key = write a value after `{ $key }:`
key-passive-relation = key `{ $key }` is not read: a relation is written on the later notice only, as `{ $active }`
help-key-passive-relation = remove `{ $key }` here and write `{ $active }: [this notice's number]` in the other notice; this notice's page shows the relation by itself
tags-one-text = `tags` is one single tag, `{ $text }`, as it has no square brackets
help-tags-one-text = for several tags, write tags: [{ $list }]
index-name-marks = `{ $key }` is written `{ $written }`: the quotes or stop around the name are left out, giving `{ $name }`, so that its index does not split
help-index-name-marks = write it without them: { $name }
key-near-miss = unknown key `{ $key }`; did you mean `{ $known }`?
help-key-near-miss = rename it to `{ $known }`; as written, the value is not used for the notice
help-key-near-miss-present = `{ $known }` is written already: delete the `{ $key }` line, or move its value to `{ $known }` if that value is the right one
key-must-be-text = `{ $key }` must be text
key-must-be-bool = `{ $key }` must be true or false
key-must-be-list = `{ $key }` must be a list
key-must-be-text-list = `{ $key }` must be a list of text lines
not-a-date = `{ $key }` is not a date: { $value }
help-date-format = write the date as YYYY-MM-DD: { $iso }
help-date-format-example = write the date as YYYY-MM-DD, e.g. 2024-06-10
help-date-line-with-place = write the date as YYYY-MM-DD: { $iso }, and the place on a line of its own: place: { $place }
date-too-early = the date is in the year { $year }, most likely a slip
help-date-too-early = check the year (all four digits): the archive's notices are from { $earliest } on
number-year-differs = number { $number } carries the year { $number_year }, but the notice is dated { $year }
help-number-year-differs = the year in a number is the year of issue: correct the number or the date
date-in-future = `{ $key }` is { $date }, after today
help-date-in-future = check the year: a notice is dated the day it is signed
expires-before-effective = `expires` ({ $expires }) is before `effective` ({ $effective }): the notice would end its effect before it begins
help-expires-before-effective = check one of the two dates, most often its year
status-against-date = `{ $key }` is { $date }, so today the notice { $key ->
    [expires] has expired
   *[effective] { $status ->
        [not-yet-in-force] is in force
       *[other] is not yet in force
    }
}, but its `status` is { $status }: its page will say { $shown ->
    [in-force] in force
    [partly-expired] partly expired
    [not-yet-in-force] not yet in force
   *[other] { $shown }
}
help-status-against-date = write status: { $status }, or mend `{ $key }` if that date is wrong
not-a-number = `{ $text }` is not a notice number
help-not-a-number = write it as printed: 45-TB/VPTU (party), 1234/QĐ-UBND or 30/2020/NĐ-CP (state)
type-missing = `type` is missing and the number's type code does not say it
help-type-missing = add a line such as `type: Thông báo`
type-contradicts-code = `type: { $written }` contradicts the number { $number }: its code { $code } stands for { $allowed }
help-type-contradicts-code = correct the type or the number: that code allows { $allowed }
bad-system = `system` must be `party` or `state`, not `{ $value }`
bad-status = unknown status `{ $value }`
help-bad-status = use in-force, partly-expired, expired or not-yet-in-force
help-bad-status-named = `{ $value }` is `{ $code }`: write status: { $code }
signer-needs-name = `signer` needs a `name`
signer-bad-shape = `signer` must be a name, or a map with name, title and authority
signer-missing = the notice has no signer
help-signer-missing = add `signer:` with the name of the person who signed it
relation-not-a-number = `{ $written }` in `{ $key }` is not a notice number
help-relation-not-a-number = write a number such as 162-NQ/TU, 162-NQ/TU@2024 for the one of 2024, or 162-NQ/TU (Điều 3) for a part of it
no-body = the notice has no body text

## site.yaml and the theme
config-bad-language = `language` must be `vi` or `en`
config-bad-theme = `theme: { $value }` must be the name of a folder under themes/, without `/` or `..`
config-bad-base-url = `base_url` must be a whole address starting with https:// or http://, not `{ $value }`
flag-bad-base-url = --base-url must be a whole address starting with https:// or http://, not `{ $value }`
bad-source-date-epoch = SOURCE_DATE_EPOCH must be a number of seconds since 1970, not `{ $value }`
help-bad-source-date-epoch = unset it to build as of today, or set it like: SOURCE_DATE_EPOCH=$(date +%s)
help-bad-base-url = for example https://gazette.example.org/ — leave it out for relative links
config-bad-page-size = `page_size` must be a whole number above 0
config-bad-issuer = issuer `{ $code }` must map to a name
config-bad-external-issuers = `external_issuers` must be a list of issuer codes
config-wrong-type = `{ $key }` has the wrong type
config-unknown-key = unknown key `{ $key }` in site.yaml
folder-is-file = `{ $folder }` is a file, not a folder: passed over
help-folder-is-file = rename this file; Gazette reads the archive's folder `{ $folder }/`
unknown-theme = unknown theme `{ $theme }`
help-unknown-theme = create themes/{ $theme }/templates/, or remove `theme:` to use the default theme
template-values = template values: { $detail }
template-error = template error: { $detail }

## Linking notices
number-used-twice = number { $number } ({ $doc_type }, { $year ->
    [0] no date
   *[other] { $year }
}) is also used by { $other }
help-number-used-twice = two notices of one type and year cannot share a number; correct one of them
same-url = { $first } and { $second } would both be published at { $url }
issuer-two-codes = issuer `{ $name }` has the code { $code } here and { $other } in { $file }
help-issuer-two-codes = give each issuer a full name of its own, or two issuers share one index
issuer-two-names = issuer code { $code } is written `{ $name }` here and `{ $other }` in { $file }
help-issuer-two-names = write one name for one issuer, as its notices print it; names that differ in more than capitals split its index in two
signer-two-ways = the signer is written `{ $name }` here and `{ $other }` in { $file }: they differ only in capitals
help-signer-two-ways = write the signer's name the same way in every notice; the signer index keeps the two on one page
link-target-not-a-number = link target `notice:{ $target }` is not a notice number
help-link-target = write notice:162-NQ/TU, or notice:162-NQ/TU@2024 for the one of 2024
link-not-in-archive = link to { $number }{ $year ->
    [0] {""}
   *[other] {" "}of { $year }
}: no such notice in the archive
help-link-not-in-archive = check the number and year, or write the number as plain text
link-ambiguous = link to { $number }{ $year ->
    [0] {""}
   *[other] {" "}of { $year }
} is ambiguous: { $candidates }
help-link-ambiguous = add the year, e.g. notice:162-NQ/TU@2024
cited-not-in-archive = cited { $number }{ $year ->
    [0] {""}
   *[other] {" "}of { $year }
} is not in the archive
cited-issued-after = cited { $number } in the archive was issued on { $date } ({ $file }), after this notice: not linked
help-cited-issued-after = a number without a year means the one issued before the citing notice: to cite that later notice, write its date after the number; if this notice's date is wrong, mend it
cited-broken = cited { $number } is not published because of an error in { $file }
cited-ambiguous = cited { $number }{ $year ->
    [0] {""}
   *[other] {" "}of { $year }
} is ambiguous: { $candidates }
help-cited-ambiguous = write the type word ({ $types }) or the date after the number
help-cited-same-number = these notices share type, number and year (an error said on its own): correct the number of the one written wrong
cited-date-differs = cited { $number } is dated { $written } here, but the archived { $number } ({ $file }) is dated { $actual }
cited-impossible-date = the date written after { $number } ({ $written }) is not in the calendar
help-cited-impossible-date = mend the date in the text: the number is read as cited without a date
help-cited-date-differs = correct the date in the text, or the date of the cited notice
cited-provision-missing = cited { $provision } of { $attached ->
    [yes] the document issued with { $number }, but the document issued with it in { $file }
   *[other] { $number }, but that notice ({ $file })
} has no Điều { $article }
help-cited-provision-missing = the link leads to the notice as a whole; check the article number
relation-broken = `{ $key }` { $number }: that notice is not published because of an error in { $file }
relation-provision-missing = `{ $key }` { $number }: that notice ({ $file }) has no { $provision }
help-relation-provision-missing = check the article and clause numbers in brackets after the number
relation-not-in-archive = `{ $key }` { $number }: no such notice in the archive
relation-to-itself = a notice cannot { $key ->
    [replaces] replace
    [repeals] repeal
   *[other] { $key }
} itself
relation-to-later = `{ $key }` { $number }: that notice is dated after this one
help-relation-to-later = only a newer notice can replace or repeal an older one
relations-circle = replacing and repealing notices form a circle: { $notices }
help-relations-circle = a notice can only end older ones: remove the relation that closes the circle

## Writing the output
attachment-over-generated = attachment `{ $name }` would be written over the generated { $path }
help-rename-attachment = rename the attachment
static-over-generated = { $file } would be written over the generated { $path }
help-static-over-generated = rename or move the file: Gazette writes that path itself
static-over-attachment = { $file } and an attachment of { $owner } would both be written to { $path }
attachment-problem = cannot copy the attachment { $name }
previous-file-gone = the previous build's file is gone
output-changed-meanwhile = { $path } changed while this build compared it; build again

## The summary of a run
summary-built = built { $notices ->
    [one] { $notices } notice
   *[other] { $notices } notices
}, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $written } files written, { $kept } unchanged; { $read ->
    [one] { $read } notice file read
   *[other] { $read } notice files read
})
summary-failed = { $notices ->
    [one] { $notices } notice
   *[other] { $notices } notices
}; nothing written, the previous output is unchanged
summary-checked = checked { $notices ->
    [one] { $notices } notice
   *[other] { $notices } notices
}
summary-drafts = { $count ->
    [one] { $count } draft
   *[other] { $count } drafts
} left out
summary-citations = citations: { $resolved } resolved, { $unresolved } unresolved, { $ambiguous } ambiguous
summary-external = { $count ->
    [one] { $count } citation
   *[other] { $count } citations
} of documents outside the archive
summary-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
summary-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
more-warnings = … and { $count ->
    [one] { $count } more warning
   *[other] { $count } more warnings
}: `gazette check` lists them all
note-relative-links = feeds and sitemap.xml have relative links: set base_url in site.yaml (or --base-url) for the absolute ones feed readers and search engines need
note-state-stale = the build state in the output was written by another Gazette ({ $why }): everything was built anew
note-state-corrupt = the build state in the output is damaged ({ $why }): everything was built anew
note-state-later-day = the build state in the output was written as of { $day }, a day after this build's: everything was built anew
note-output-files-left-out = { $count ->
    [one] { $count } file
   *[other] { $count } files
} in { $output }/ not made by Gazette { $count ->
    [one] is
   *[other] are
} not kept in the new output (until the next build { $count ->
    [one] it stays
   *[other] they stay
} in { $previous }/): { $names }; put files to publish as they are (a CNAME, an .htaccess, a download) in the archive's static/
note-outside = { $count ->
    [one] { $count } citation of a document outside the archive is not warned of: `gazette check --outside` lists it
   *[other] { $count } citations of documents outside the archive are not warned of one by one: `gazette check --outside` lists them
}
progress-reading = reading notices
progress-writing = writing pages
clean-done = the build state of { $path } is removed: the next build is full
clean-nothing = { $path } holds no build state
clean-not-archive = { $path } has neither content/ nor site.yaml: it is not an archive, and nothing was removed
help-clean-not-archive = name the archive's folder with --root
clean-not-output = not cleaning { $path }: it is not an output folder Gazette built, and nothing was removed
help-clean-not-output = give `gazette clean --out` the folder `gazette build --out` wrote into
root-is-file = { $path } is a file, not an archive folder
help-root-is-file = give the folder that holds content/ and site.yaml with --root
root-missing = the archive folder { $path } does not exist
help-root-missing = give the folder that holds content/ and site.yaml with --root, or create it with `gazette init { $path }`
outside-heading = Citations of documents outside the archive ({ $count }):

## Output folder
output-root-is-staging = refusing to build: the archive root { $root } is the { $what ->
    [old] old
    [previous] previous
   *[staging] staging
} folder of the output { $path }, which a build replaces
output-locked = another build is writing an output folder in { $path }; run again when it has finished, or without --no-wait to wait for it
output-waiting = waiting for another build writing an output folder in { $path } to finish…
output-is-file = refusing to write the output to { $path }: it is a file, not a folder
disk-full = the disk holding { $path } is full: the build stopped, and the previous output is as it was
disk-full-help = free some space on that disk and build again, or build into a folder on another disk with --out
help-output-is-file = pass --out with a folder's path
output-foreign = refusing to replace { $path }: it holds files Gazette did not write
help-output-foreign = empty it or move it away, or pass --out with another folder; a folder Gazette builds holds { $marker }
output-folder-taken = refusing to build: { $path } exists and was not made by Gazette
help-output-folder-taken = move it away; Gazette uses that name for its own folder
output-holds-root = refusing to write the output to { $path }: it is the archive root or a parent of it, and a build replaces its output folder
output-protected = refusing to write the output to { $path }: it is { $what ->
    [static] the static folder
    [templates] the templates folder
    [themes] the themes folder
   *[content] the content folder
}, inside it or a parent of it, and a build replaces its output folder
output-is-site-file = refusing to write the output to { $path }: it is the place of the archive's site.yaml
changes-protected = refusing to write the list of changes to { $path }: it is { $what ->
    [site] the archive's site.yaml
    [output] a file in the output folder, which every build replaces
    [static] a file in the archive's static folder
    [templates] a file in the archive's templates folder
    [themes] a file in the archive's themes folder
   *[content] a file in the archive's content folder
}
changes-linked = refusing to write the list of changes to { $path }: the file has other names (hard links) and may be a file of the archive
changes-is-folder = refusing to write the list of changes to { $path }: it is a folder
help-changes-protected = name a file elsewhere, for example --changes ../changes.txt
io-cannot-read = cannot read { $path }
io-cannot-write = cannot write { $path }
io-cannot-create = cannot create { $path }
io-cannot-replace = cannot replace { $path }
io-cannot-remove = cannot remove { $path }
io-cannot-lock = cannot lock { $path }
io-cannot-open = cannot open { $path }
io-cannot-tidy = cannot tidy { $path }
io-cannot-put-back = cannot put { $path } back
io-cannot-copy = cannot copy { $from } to { $path }
io-cannot-link = cannot link { $from } to { $path }
io-cannot-swap = cannot swap the new build in at { $path }
io-cannot-move-in = cannot move the new build to { $path }
io-cannot-move-aside = cannot move { $path } aside
io-cannot-write-changes = cannot write the list of changes to { $path }
io-no-archive = no archive at { $path }
io-cannot-watch = cannot watch { $path }
io-cannot-watch-files = cannot watch the archive's files
io-cannot-start-server = cannot start the preview server
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = it exists already
io-not-a-folder = not a folder
io-is-a-folder = it is a folder
io-folder-not-empty = the folder is not empty
io-disk-full = the disk is full
io-read-only = the file system is read-only
io-bad-name = the file name is not valid
io-other-disk = it is on another disk

output-is-root = refusing to write the output to the filesystem root
output-not-own = refusing to remove { $path }: it was not made by Gazette

## The preview
serve-listening = serving { $root } at { $address } (Ctrl-C stops)
serve-port-taken = port { $wanted } is in use; using { $port } instead
serve-address-not-here = cannot listen on { $address }: this machine has no such address
help-serve-address-not-here = leave out --bind to preview on this machine, or use one of its addresses (`ip addr` lists them)
serve-ports-taken = ports { $first } to { $last } are all taken
serve-cannot-listen = cannot listen on { $address }: { $error }
help-serve-cannot-listen = another program uses the port; pick one with --port
serve-built = built in { $seconds } s
serve-has-errors = the archive has errors: fix them and save; the page will show the site
serve-watcher-stopped = the file watcher stopped
serve-rebuilt = rebuilt { $count ->
    [one] { $count } file
   *[other] { $count } files
} in { $ms } ms
serve-stylesheet = stylesheet changed ({ $ms } ms)
overlay-title = The archive has errors
overlay-help = Fix them and save: this page reloads by itself.

## Starting an archive and a notice
init-done = a new archive is ready in { $path }: build it with `gazette build --root { $path }`
init-gitignore = What `gazette build` writes
init-not-empty = { $path } is not empty: `gazette init` starts an archive in a new or empty folder
new-bad-type = `{ $code }` is not a type code a notice number can carry (TB, NQ, KH, CT, QĐ, …)
new-no-content-folder = there is no { $path }: this is not an archive
new-issuer-named-otherwise = issuer code { $code } is named `{ $known }` in the archive, not `{ $name }`
help-new-issuer-named-otherwise = leave out --issuer-name to use `{ $known }`; if the issuer was renamed, correct the older notices first
new-archive-has-errors = { $count ->
    [one] a notice file has an error
   *[other] the notice files have { $count } errors
}, and a new number could take that of a notice with one; the first: { $first }
help-new-archive-has-errors = mend them (`gazette check --drafts` lists them all, drafts' too), then run this again
new-empty-title = the title (--title) is blank
new-untitled = { $kind } (no title yet)
new-exists = { $path } exists already
help-new-exists = that file does not hold number { $number }: if it is another notice, rename it after its own number and run again
new-bad-issuer = `{ $code }` is not an issuer code a notice number can carry
help-new-bad-issuer = an issuer code is letters written together, maybe with hyphens: VPTU, UBND, BTGTU, HU…
new-unknown-issuer = no notice of the archive has the issuer code { $code }
help-new-unknown-issuer = known issuer codes: { $known }; to start a new issuer on purpose, give its name with --issuer-name
help-new-no-issuers = the archive has no notices yet: give the issuer's name with --issuer-name

## Importing Word notices (gazette import)
import-cannot-read = cannot read the file: { $detail }
import-not-word = not a Word .docx file (Word 2007 or later is needed)
import-ole-file = encrypted, or a Word 97–2003 .doc: save it as .docx without a password
import-encrypted-entry = parts of the file are encrypted: save it as .docx without a password
import-corrupt = the .docx file is damaged ({ $detail }): open it in Word and save it again
import-too-large = the file unpacks to more than { $limit } MiB: refused (it may be a zip bomb)
import-too-many-entries = the file holds more than { $limit } parts: refused (it may be a zip bomb)
import-too-deep = the XML is nested too deeply: refused
import-bad-xml = { $part } is not well-formed XML: { $detail }
import-legacy-font = the text is typed in an old 8-bit Vietnamese encoding, TCVN3 (ABC) or VNI{ $font }, and would import as garbage: convert it to Unicode (Unikey's "Công cụ chuyển mã" from TCVN3 or VNI to Unicode, then set the font to Times New Roman), save, and import again
import-legacy-font-name = { " " }(font { $font })
import-no-docx = the folder holds no .docx file
import-override-one-file = --number and --date apply to one file only
import-bad-number = `{ $text }` is not a notice number (e.g. 45-TB/VPTU, 1234/QĐ-UBND, 30/2020/NĐ-CP)
import-bad-date = `{ $text }` is not a date in the form YYYY-MM-DD
import-would-replace = { $path } exists already: the real import needs --force to replace it
import-will-fail = the notice written will fail check: { $problem }
import-left-out = the Word file has { $pictures ->
    [0] {""}
    [one] one picture not imported
   *[other] { $pictures } pictures not imported
}{ $pictures ->
    [0] {""}
   *[other] { $links ->
        [0] {""}
       *[other] {" "}and{" "}
    }
}{ $links ->
    [0] {""}
    [one] one link whose words are kept without its address
   *[other] { $links } links whose words are kept without their addresses
}: save pictures as files beside the notice (a folder with index.md) as attachments, and write links again as [words](address)
import-numbers-unknown = { $count ->
    [1] this file has an error in its front matter
   *[other] { $count } files of the archive have an error in their front matter, this one first
}: the numbers written there were not compared with the imported ones; mend them (`gazette check` lists all) and check again
import-exists = { $path } exists already: add --force to replace it
import-same-path = would be written to { $path }, as { $other } would
import-number-taken = number { $number } is already used by { $other }: give another with --number, or correct that file
import-cannot-write = cannot write { $path }: { $detail }
import-impossible-date = the date the Word document gives ({ $written }) is not in the calendar; `date` left blank with a comment in the file
import-not-found = `{ $key }` not found ({ $field }); left empty with a comment in the file
import-merged-cells = table { $table } has merged cells: written as a plain table with the merged cells blank; check it
import-as-draft = no number or no date: imported as a draft (draft: true)
import-field-comment = # { $field } not found in the Word file: fill it in
import-field-number = the number (Số: …)
import-field-date = the date line (…, ngày … tháng … năm …)
import-field-place = the place before the date
import-field-type = the type line (THÔNG BÁO, QUYẾT ĐỊNH…)
import-field-title = the title lines under the type
import-field-issuer = the issuer in the left header block
import-field-signer = the signature block
import-field-recipients = the "Nơi nhận:" list

## Answers of the preview server
http-busy = the preview is busy: try again
http-head-too-large = request head too large
http-bad-request = bad request
http-method = only GET and HEAD are answered here
http-body = a request to the preview carries no body
http-bad-path = bad path
http-bad-host = the preview answers requests sent to localhost or an IP address only, not to another host name
http-too-many-previews = too many open previews
http-not-found = not found
http-moved = moved
