System.Console.WriteLine(typeof(Engage.Quickstart.Api.EngageClient));
