package dev.rapport.people.internal;

/** Word lists the demo workspace is drawn from. */
final class DemoNames {

  static final String[] FIRST = {
    "Ana", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Mia", "Leon", "Chloé", "Jonas", "Aisha",
    "Omar", "Yuki", "Hiro", "Priya", "Arjun", "Lena", "Finn", "Camille", "Hugo", "Elif", "Emre",
    "Olga", "Dmitri", "Sara", "David", "Maja", "Lars", "Inès", "Karim", "Grace", "Daniel", "Zoe",
    "Samuel", "Julia", "Tomás", "Nora", "Felix", "Amara", "Kwame", "Laura", "Marco", "Giulia",
    "Pedro", "Beatriz", "Rosa", "Ivan", "Hannah", "Elena", "Mehmet", "Anouk", "Sven", "Freya",
    "Rahul", "Mei", "Wei", "Fatima", "Youssef", "Clara", "Oskar"
  };

  static final String[] LAST = {
    "Lima",
    "Schneider",
    "Rossi",
    "García",
    "Dubois",
    "Jansen",
    "Novak",
    "Kowalski",
    "Nielsen",
    "Andersson",
    "Müller",
    "Fischer",
    "Weber",
    "Martin",
    "Bernard",
    "Silva",
    "Santos",
    "Costa",
    "Moreau",
    "Laurent",
    "Yilmaz",
    "Demir",
    "Ivanova",
    "Petrov",
    "Tanaka",
    "Sato",
    "Patel",
    "Sharma",
    "Chen",
    "Wang",
    "Kim",
    "Park",
    "Okafor",
    "Mensah",
    "Haddad",
    "Nasser",
    "Murphy",
    "O'Brien",
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "de Vries",
    "van Dijk",
    "Bakker",
    "Visser",
    "Hoffmann",
    "Keller",
    "Richter",
    "Lang",
    "Berg",
    "Lindqvist",
    "Horvat",
    "Popescu",
    "Nagy"
  };

  static final String[] COMPANY_FIRST = {
    "Northwind",
    "Bluepeak",
    "Cobalt",
    "Lumen",
    "Brightline",
    "Sparrow",
    "Granite",
    "Helix",
    "Orbit",
    "Juniper",
    "Kestrel",
    "Meridian",
    "Nimbus",
    "Pioneer",
    "Quartz",
    "Redwood",
    "Summit",
    "Tidal",
    "Vertex",
    "Willow",
    "Atlas",
    "Beacon",
    "Cedar",
    "Delta",
    "Ember",
    "Fjord"
  };

  static final String[] COMPANY_LAST = {
    "Labs", "Systems", "Analytics", "Logistics", "Health", "Media", "Retail", "Software",
    "Robotics", "Energy", "Foods", "Finance", "Studios", "Works", "Cloud", "Payments"
  };

  static final String[] INDUSTRIES = {
    "Software",
    "SaaS",
    "Fintech",
    "Retail",
    "Manufacturing",
    "Healthcare",
    "Logistics",
    "Media",
    "Education",
    "Consulting",
    "Energy",
    "Hospitality"
  };

  static final int[] SIZES = {8, 25, 60, 120, 300, 800, 1500, 4000, 12000};

  static final String[][] PLACES = {
    {"Berlin", "Germany"},
    {"Munich", "Germany"},
    {"Paris", "France"},
    {"Lyon", "France"},
    {"Amsterdam", "Netherlands"},
    {"London", "United Kingdom"},
    {"Manchester", "United Kingdom"},
    {"Austin", "United States"},
    {"New York", "United States"},
    {"Toronto", "Canada"},
    {"Madrid", "Spain"},
    {"Stockholm", "Sweden"},
    {"Warsaw", "Poland"},
    {"Lisbon", "Portugal"},
    {"Istanbul", "Turkey"},
    {"Singapore", "Singapore"}
  };

  static final String[] TITLES = {
    "Head of Marketing",
    "Marketing Manager",
    "VP Sales",
    "Sales Director",
    "Account Executive",
    "CTO",
    "Chief Executive Officer",
    "Engineering Manager",
    "Software Engineer",
    "Data Analyst",
    "Customer Success Lead",
    "Product Manager",
    "Operations Director",
    "Founder",
    "Community Manager",
    "Procurement Lead",
    "Developer Advocate",
    "Office Manager"
  };

  static final String[] TAGS = {
    "newsletter", "webinar", "conference", "trial", "partner", "vip", "churn-risk"
  };

  static final String[] BIOS = {
    "Building things that help teams talk to their customers.",
    "Marketing nerd. Coffee first, then dashboards.",
    "Sales leader, runner, father of two.",
    "Opinions are my own. Mostly about data pipelines.",
    "I write about growth, pricing and community.",
    "Engineer turned product person.",
    "Helping customers succeed since 2012.",
    "Speaker, podcaster, occasional baker."
  };

  private DemoNames() {}
}
