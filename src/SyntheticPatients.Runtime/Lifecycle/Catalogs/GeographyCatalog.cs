namespace SyntheticPatients.Runtime.Lifecycle.Catalogs;

/// <summary>One place patients live: a city with its county, 5-digit county FIPS code, a ZIP code and coordinates.</summary>
public sealed record Place(string City, string State, string StateCode, string County, string Fips, string Zip, double Latitude, double Longitude);

/// <summary>
/// A small table of US states (weighted by 2020 Census population, in millions) and cities with their counties
/// (FIPS codes from the Census Bureau) for the demographics step. Enough for realistic, consistent addresses.
/// </summary>
public static class GeographyCatalog
{
    public sealed record StateEntry(string Name, string Code, double PopulationMillions, IReadOnlyList<Place> Places);

    private static StateEntry State(string name, string code, double population, params (string City, string County, string Fips, string Zip, double Lat, double Lon)[] places)
        => new(name, code, population, places.Select(p => new Place(p.City, name, code, p.County, p.Fips, p.Zip, p.Lat, p.Lon)).ToArray());

    public static readonly IReadOnlyList<StateEntry> States = new[]
    {
        State("California", "CA", 39.5, ("Los Angeles", "Los Angeles County", "06037", "90012", 34.0522, -118.2437), ("San Diego", "San Diego County", "06073", "92101", 32.7157, -117.1611), ("San Jose", "Santa Clara County", "06085", "95113", 37.3382, -121.8863), ("San Francisco", "San Francisco County", "06075", "94103", 37.7749, -122.4194), ("Sacramento", "Sacramento County", "06067", "95814", 38.5816, -121.4944), ("Fresno", "Fresno County", "06019", "93721", 36.7378, -119.7871)),
        State("Texas", "TX", 29.1, ("Houston", "Harris County", "48201", "77002", 29.7604, -95.3698), ("Dallas", "Dallas County", "48113", "75201", 32.7767, -96.7970), ("San Antonio", "Bexar County", "48029", "78205", 29.4241, -98.4936), ("Austin", "Travis County", "48453", "78701", 30.2672, -97.7431), ("El Paso", "El Paso County", "48141", "79901", 31.7619, -106.4850)),
        State("Florida", "FL", 21.5, ("Miami", "Miami-Dade County", "12086", "33130", 25.7617, -80.1918), ("Orlando", "Orange County", "12095", "32801", 28.5383, -81.3792), ("Tampa", "Hillsborough County", "12057", "33602", 27.9506, -82.4572), ("Jacksonville", "Duval County", "12031", "32202", 30.3322, -81.6557)),
        State("New York", "NY", 20.2, ("New York", "New York County", "36061", "10001", 40.7506, -73.9972), ("Brooklyn", "Kings County", "36047", "11201", 40.6943, -73.9903), ("Buffalo", "Erie County", "36029", "14202", 42.8864, -78.8784), ("Rochester", "Monroe County", "36055", "14604", 43.1566, -77.6088), ("Syracuse", "Onondaga County", "36067", "13202", 43.0481, -76.1474)),
        State("Pennsylvania", "PA", 13.0, ("Philadelphia", "Philadelphia County", "42101", "19103", 39.9526, -75.1652), ("Pittsburgh", "Allegheny County", "42003", "15222", 40.4406, -79.9959)),
        State("Illinois", "IL", 12.8, ("Chicago", "Cook County", "17031", "60601", 41.8781, -87.6298), ("Springfield", "Sangamon County", "17167", "62701", 39.7817, -89.6501)),
        State("Ohio", "OH", 11.8, ("Columbus", "Franklin County", "39049", "43215", 39.9612, -82.9988), ("Cleveland", "Cuyahoga County", "39035", "44113", 41.4993, -81.6944), ("Cincinnati", "Hamilton County", "39061", "45202", 39.1031, -84.5120)),
        State("Georgia", "GA", 10.7, ("Atlanta", "Fulton County", "13121", "30303", 33.7490, -84.3880), ("Savannah", "Chatham County", "13051", "31401", 32.0809, -81.0912)),
        State("North Carolina", "NC", 10.4, ("Charlotte", "Mecklenburg County", "37119", "28202", 35.2271, -80.8431), ("Raleigh", "Wake County", "37183", "27601", 35.7796, -78.6382)),
        State("Michigan", "MI", 10.1, ("Detroit", "Wayne County", "26163", "48226", 42.3314, -83.0458), ("Grand Rapids", "Kent County", "26081", "49503", 42.9634, -85.6681)),
        State("New Jersey", "NJ", 9.3, ("Newark", "Essex County", "34013", "07102", 40.7357, -74.1724), ("Jersey City", "Hudson County", "34017", "07302", 40.7178, -74.0431)),
        State("Virginia", "VA", 8.6, ("Fairfax", "Fairfax County", "51059", "22030", 38.8462, -77.3064), ("Richmond", "Richmond city", "51760", "23219", 37.5407, -77.4360)),
        State("Washington", "WA", 7.7, ("Seattle", "King County", "53033", "98101", 47.6062, -122.3321), ("Spokane", "Spokane County", "53063", "99201", 47.6588, -117.4260)),
        State("Arizona", "AZ", 7.2, ("Phoenix", "Maricopa County", "04013", "85004", 33.4484, -112.0740), ("Tucson", "Pima County", "04019", "85701", 32.2226, -110.9747)),
        State("Massachusetts", "MA", 7.0, ("Boston", "Suffolk County", "25025", "02108", 42.3601, -71.0589), ("Cambridge", "Middlesex County", "25017", "02139", 42.3736, -71.1097), ("Worcester", "Worcester County", "25027", "01608", 42.2626, -71.8023), ("Springfield", "Hampden County", "25013", "01103", 42.1015, -72.5898)),
        State("Tennessee", "TN", 6.9, ("Nashville", "Davidson County", "47037", "37203", 36.1627, -86.7816), ("Memphis", "Shelby County", "47157", "38103", 35.1495, -90.0490)),
        State("Missouri", "MO", 6.2, ("Kansas City", "Jackson County", "29095", "64106", 39.0997, -94.5786), ("St. Louis", "St. Louis city", "29510", "63101", 38.6270, -90.1994)),
        State("Colorado", "CO", 5.8, ("Denver", "Denver County", "08031", "80202", 39.7392, -104.9903), ("Colorado Springs", "El Paso County", "08041", "80903", 38.8339, -104.8214)),
        State("Minnesota", "MN", 5.7, ("Minneapolis", "Hennepin County", "27053", "55401", 44.9778, -93.2650), ("Saint Paul", "Ramsey County", "27123", "55102", 44.9537, -93.0900)),
        State("Louisiana", "LA", 4.7, ("New Orleans", "Orleans Parish", "22071", "70112", 29.9511, -90.0715), ("Baton Rouge", "East Baton Rouge Parish", "22033", "70802", 30.4515, -91.1871)),
        State("Oregon", "OR", 4.2, ("Portland", "Multnomah County", "41051", "97204", 45.5152, -122.6784)),
        State("Utah", "UT", 3.3, ("Salt Lake City", "Salt Lake County", "49035", "84101", 40.7608, -111.8910)),
    };

    private static readonly double TotalPopulation = States.Sum(s => s.PopulationMillions);

    /// <summary>A state drawn by population, then one of its places uniformly.</summary>
    public static Place Draw(PatientRandom random)
    {
        double u = random.NextDouble() * TotalPopulation;
        var state = States[^1];
        foreach (var candidate in States)
        {
            if (u < candidate.PopulationMillions)
            {
                state = candidate;
                break;
            }
            u -= candidate.PopulationMillions;
        }
        return state.Places[random.NextInt(state.Places.Count)];
    }

    /// <summary>One of <paramref name="state"/>'s places (used for birthplaces in the same state).</summary>
    public static Place DrawInState(PatientRandom random, string stateCode)
    {
        foreach (var state in States)
        {
            if (state.Code == stateCode) return state.Places[random.NextInt(state.Places.Count)];
        }
        return Draw(random);
    }
}
