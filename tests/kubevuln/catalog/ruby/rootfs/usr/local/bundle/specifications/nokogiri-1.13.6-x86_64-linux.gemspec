Gem::Specification.new do |s|
  s.name = "nokogiri".freeze
  s.version = "1.13.6"
  s.platform = "x86_64-linux".freeze
  s.license = "MIT".freeze
end
