using CloudOMS.LoadTests;

// The load and performance tool: `dotnet run --project loadtests/CloudOMS.LoadTests -- <scenario> [options]` (see LoadTool).
return await LoadTool.Run(args);
