namespace Mentoring.Domain.Territories;

/// <summary>A subject of the Russian Federation (субъект РФ) whose education authority runs the monitoring.</summary>
public sealed class Region
{
    private Region() { }

    public Region(string code, string name, string source)
    {
        Code = code;
        Name = name;
        Source = source;
    }

    public int Id { get; private set; }

    /// <summary>Short stable code used in URLs and seeds, e.g. "krasnodar".</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The source document the region's records come from.</summary>
    public string Source { get; private set; } = "";

    public ICollection<Municipality> Municipalities { get; private set; } = new List<Municipality>();
}
