# Linguist's own verdicts on a folder of files, for test/analysis/linguist-samples.test.ts: for each file (its path
# under the folder), whether Linguist's generated.rb calls it generated and whether vendor.yml or documentation.yml
# match its path. Usage: ruby scripts/linguist-verdicts.rb LINGUIST_LIB_DIR FOLDER > verdicts.json
# LINGUIST_LIB_DIR holds generated.rb, vendor.yml and documentation.yml of a Linguist checkout (lib/linguist).
require 'json'
require 'yaml'

lib, folder = ARGV
module Linguist; end
require File.join(lib, 'generated')
patterns = ->(file) { Regexp.union(YAML.load_file(File.join(lib, file)).map { |p| Regexp.new(p) }) }
vendor = patterns.call('vendor.yml')
documentation = patterns.call('documentation.yml')

verdicts = {}
Dir.glob('**/*', File::FNM_DOTMATCH, base: folder).sort.each do |path|
  full = File.join(folder, path)
  next unless File.file?(full)
  data = File.binread(full).force_encoding('UTF-8').scrub('?')
  verdicts[path] = {
    'generated' => Linguist::Generated.generated?(path, data) ? true : false,
    'vendored' => vendor.match?(path),
    'documentation' => documentation.match?(path),
  }
end
puts JSON.generate(verdicts)
