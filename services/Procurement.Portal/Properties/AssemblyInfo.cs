using System.Resources;

// The neutral resources are Chinese: zh-CN is the portal's first language; English is a satellite.
[assembly: NeutralResourcesLanguage("zh-CN")]
