# Sourced by the bench scripts: writes the project file of a throwaway BenchmarkDotNet console suite.
# bdn_project FOLDER NAME   writes FOLDER/NAME.csproj (net10.0, BenchmarkDotNet 0.15.8, outside central package versions)
bdn_project() {
  mkdir -p "$1"
  cat > "$1/$2.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="BenchmarkDotNet" Version="0.15.8" /></ItemGroup>
</Project>
XML
}
